namespace Edge.Ingest.Analytics;

/// <summary>
/// Reading status flag bits the rules read: bits 0-4 are the device flags of firmware/FRAME.md ("Flags (fl)"), bits
/// 8-10 the meter alarms the gateway maps from a wM-Bus / M-Bus error flags record, bits 11-14 the status changes of
/// an ECHONET Lite meter (gateway Radio/MeterAlarmFlags; firmware/FRAME.md "Gateway bits").
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

    /// <summary>The meter's fault status turned to "fault" (ECHONET 0x88 = 0x41), or is still so (a reminder; bit 11).</summary>
    public const int Fault = 0x800;

    /// <summary>The meter's fault status returned to "no fault" (ECHONET 0x88 = 0x42; bit 12).</summary>
    public const int FaultCleared = 0x1000;

    /// <summary>The meter detected an abnormal value in its metering data (ECHONET 0x0281 0xE3 = 0x41; bit 13).</summary>
    public const int AbnormalValue = 0x2000;

    /// <summary>The abnormal-value detection returned to normal (0xE3 = 0x42; bit 14).</summary>
    public const int AbnormalValueCleared = 0x4000;
}
