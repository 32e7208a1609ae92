using System.Globalization;

namespace Edge.HwSim.Wisun;

/// <summary>
/// A smart meter's B-route side as the virtual Wi-SUN module hears it: the PAN it coordinates (channel, PAN ID,
/// MAC address), the B-route credentials it accepts, and a pluggable ECHONET Lite responder
/// (<see cref="Responder"/>: request payload → answer payload or null). Fault switches: <see cref="Present"/>
/// (gone: no beacons, PANA and UDP fail), <see cref="Mute"/> (session up, requests unanswered),
/// <see cref="ResponseDelay"/> (slow answers). Properties may change while the module runs.
/// </summary>
public sealed class VirtualBrouteMeter
{
    /// <summary>The meter's 64-bit MAC address.</summary>
    public ulong Mac { get; init; } = 0x001D129012345678;

    /// <summary>Logical channel 33..60.</summary>
    public int Channel { get; init; } = 33;

    /// <summary>PAN ID.</summary>
    public int PanId { get; init; } = 0x8888;

    /// <summary>B-route password the meter accepts.</summary>
    public string Password { get; init; } = "0123456789AB";

    /// <summary>B-route ID the meter accepts (32 characters); its last 8 are the beacon's PairID.</summary>
    public string RouteBId { get; init; } = "00112233445566778899AABBCCDDEEFF";

    /// <summary>LQI the module reports for its beacon.</summary>
    public int Lqi { get; init; } = 0xE1;

    /// <summary>Shortest SKSCAN duration at which a scan hears the beacon (a far meter needs longer listening).</summary>
    public int BeaconMinDuration { get; set; } = 4;

    /// <summary>In range and powered: false makes scans find nothing, PANA fail and UDP sends fail.</summary>
    public bool Present { get; set; } = true;

    /// <summary>Receives UDP but answers nothing.</summary>
    public bool Mute { get; set; }

    /// <summary>How long the meter takes to answer a request.</summary>
    public TimeSpan ResponseDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>The ECHONET Lite side: answer to a request payload, or null for none.</summary>
    public Func<byte[], byte[]?> Responder { get; set; } = _ => null;

    /// <summary>
    /// What the meter multicasts once a session comes up (an ECHONET Lite node announces its instance list, INF of
    /// 0xD5, when it starts communicating: Part 2 §4.3.1), or null for nothing.
    /// </summary>
    public Func<byte[]?> Announcement { get; set; } = () => null;

    /// <summary>
    /// Sends a frame the meter announces by itself (INF) to the all-nodes multicast address; set by the module in range
    /// (<see cref="VirtualWisunModule.PushFromMeter"/>), null without one. True when a session was up to carry it.
    /// </summary>
    public Func<byte[], bool>? Push { get; set; }

    /// <summary>Requests the meter received.</summary>
    public int Requests { get; internal set; }

    /// <summary>The link-local IPv6 address from <see cref="Mac"/> (RFC 4291 Appendix A: universal/local bit inverted), as the module prints it.</summary>
    public string LinkLocal => LinkLocalOf(Mac);

    /// <summary>The last 8 characters of <see cref="RouteBId"/>.</summary>
    public string PairId => RouteBId.Length >= 8 ? RouteBId[^8..] : RouteBId;

    /// <summary>SKLL64's answer for <paramref name="mac"/>.</summary>
    public static string LinkLocalOf(ulong mac)
    {
        var iid = mac ^ 0x0200000000000000UL;
        return string.Create(CultureInfo.InvariantCulture,
            $"FE80:0000:0000:0000:{iid >> 48:X4}:{(iid >> 32) & 0xFFFF:X4}:{(iid >> 16) & 0xFFFF:X4}:{iid & 0xFFFF:X4}");
    }
}
