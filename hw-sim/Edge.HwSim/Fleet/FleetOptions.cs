using MQTTnet.Formatter;

namespace Edge.HwSim.Fleet;

/// <summary>Settings of a simulated fleet of pulse meters.</summary>
public sealed class FleetOptions
{
    /// <summary>Number of meters.</summary>
    public int Meters { get; set; } = 50;

    /// <summary>Seed of the fleet: household models, bounce and passwords follow from it.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Simulated start time (Unix ms).</summary>
    public long StartUnixMs { get; set; } = DateTimeOffset.Parse("2026-11-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();

    /// <summary>Millilitres per pulse of every meter.</summary>
    public int MillilitresPerPulse { get; set; } = 1000;

    /// <summary>Reading interval of the firmware, seconds.</summary>
    public int ReadingIntervalSeconds { get; set; } = 3600;

    /// <summary>Gateway broker address.</summary>
    public string MqttHost { get; set; } = "127.0.0.1";

    /// <summary>Gateway broker port.</summary>
    public int MqttPort { get; set; } = 1883;

    /// <summary>MQTT version the devices speak.</summary>
    public MqttProtocolVersion ProtocolVersion { get; set; } = MqttProtocolVersion.V500;

    /// <summary>How long a device waits for the gateway's PUBACK (the firmware's PublishTimeoutMs).</summary>
    public int PublishTimeoutMs { get; set; } = 10_000;

    /// <summary>How long a device's MQTT connection attempt may take.</summary>
    public int ConnectTimeoutMs { get; set; } = 2000;

    /// <summary>When set, every device's uplink reports its connects and publishes to it (for fault tests).</summary>
    public UplinkProbe? Probe { get; set; }

    /// <summary>Contact bounce of the reeds.</summary>
    public Devices.ReedBounceModel Bounce { get; set; } = new();

    /// <summary>
    /// How many meters (the first ones) start with an unsynchronised real-time clock, <see cref="UnsyncedRtcOffset"/>
    /// off, and synchronise <see cref="SyncAfter"/> after the start. Their readings until then are stamped
    /// <c>rtc-unsynced</c> and corrected by the gateway (firmware/FRAME.md, "Clock").
    /// </summary>
    public int UnsyncedMeters { get; set; }

    /// <summary>Device time − true time of an unsynchronised clock.</summary>
    public TimeSpan UnsyncedRtcOffset { get; set; } = TimeSpan.FromDays(-9_801.5);

    /// <summary>When the unsynchronised clocks get synchronised, after the start.</summary>
    public TimeSpan SyncAfter { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The device id of meter <paramref name="index"/> (0-based).</summary>
    public static string DeviceId(int index) => "pm-" + (index + 1).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The password provisioned for a device in this fleet.</summary>
    public string Password(string deviceId) =>
        "pw-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(deviceId + "/" + Seed)))[..16];
}
