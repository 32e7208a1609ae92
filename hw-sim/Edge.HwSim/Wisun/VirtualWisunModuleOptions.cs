using Edge.Firmware.Wisun;

namespace Edge.HwSim.Wisun;

/// <summary>Settings of a <see cref="VirtualWisunModule"/>.</summary>
public sealed class VirtualWisunModuleOptions
{
    /// <summary>One of <see cref="WisunModuleGeneration"/>: BP35C0 events and ERXUDP carry SIDE (and ERXUDP an RSSI).</summary>
    public int Generation { get; init; } = WisunModuleGeneration.Bp35A1;

    /// <summary>Firmware version EVER reports.</summary>
    public string Version { get; init; } = "1.2.10";

    /// <summary>The module's own MAC address.</summary>
    public ulong Mac { get; init; } = 0x001D129011112222;

    /// <summary>ERXUDP data as hex (WOPT 01) from power-on; the BP35A1 ships with binary (WOPT 00).</summary>
    public bool HexDataAtStart { get; init; }

    /// <summary>PANA exchange time until EVENT 25.</summary>
    public TimeSpan PanaTime { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Time until EVENT 24 when the meter does not answer PANA.</summary>
    public TimeSpan PanaTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Time for a UDP datagram to be sent and acknowledged (EVENT 21 00).</summary>
    public TimeSpan SendTime { get; init; } = TimeSpan.FromMilliseconds(60);

    /// <summary>Time the MAC retries before EVENT 21 01 when the meter does not acknowledge.</summary>
    public TimeSpan SendFailTime { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>RSSI the BP35C0 format reports for received datagrams, dBm.</summary>
    public int RssiDbm { get; init; } = -60;
}
