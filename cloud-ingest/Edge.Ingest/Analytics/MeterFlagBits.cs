namespace Edge.Ingest.Analytics;

/// <summary>
/// Reading status flag bits the rules read: bits 0-4 are the device flags of firmware/FRAME.md ("Flags (fl)"), bits
/// 8-10 the meter alarms the gateway maps from a wM-Bus / M-Bus error flags record (gateway Radio/MeterAlarmFlags).
/// </summary>
public static class MeterFlagBits
{
    /// <summary>Reverse flow was counted since the previous reading (FRAME.md bit 0).</summary>
    public const int Reverse = 1;

    /// <summary>The tamper input fired (FRAME.md bit 1, latched by the device).</summary>
    public const int Tamper = 2;

    /// <summary>Supply below threshold (FRAME.md bit 4; M-Bus status "power low", EN 13757-3 §6.2.3).</summary>
    public const int LowBattery = 16;

    /// <summary>The meter reports a dry pipe (gateway error flags mapping, bit 10).</summary>
    public const int Dry = 0x400;
}
