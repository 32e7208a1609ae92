namespace Edge.Gateway.Radio;

/// <summary>
/// Reading flag bits for alarms of meters the gateway reads itself (wM-Bus, M-Bus: bits 8-10; ECHONET Lite: bits 11-14),
/// above the device flag bits of firmware/FRAME.md (<see cref="Edge.Firmware.Buffering.ReadingFlags"/> uses bits 0-5).
/// Reverse flow, tamper and low battery reuse the device bits. The ECHONET Lite bits mark the reading taken when a
/// status changed (Radio/README.md), not every reading while it lasts.
/// </summary>
internal static class MeterAlarmFlags
{
    /// <summary>The meter reports a leak (continuous flow).</summary>
    public const int Leak = 0x100;

    /// <summary>The meter reports a burst (very high flow).</summary>
    public const int Burst = 0x200;

    /// <summary>The meter reports a dry pipe (no water).</summary>
    public const int Dry = 0x400;

    /// <summary>ECHONET Lite fault status 0x88 became "fault occurred" (0x41), or a reminder while it lasts.</summary>
    public const int MeterFault = 0x800;

    /// <summary>ECHONET Lite fault status 0x88 returned to "no fault" (0x42).</summary>
    public const int MeterFaultCleared = 0x1000;

    /// <summary>ECHONET Lite water meter 0xE3 became "abnormal value detected" (0x41), or a reminder while it lasts.</summary>
    public const int AbnormalValue = 0x2000;

    /// <summary>ECHONET Lite water meter 0xE3 returned to "no abnormal value" (0x42).</summary>
    public const int AbnormalValueCleared = 0x4000;
}
