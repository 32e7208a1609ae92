namespace Edge.Gateway.Radio;

/// <summary>
/// Reading flag bits for alarms of meters the gateway reads itself (wM-Bus, M-Bus), above the device flag bits of
/// firmware/FRAME.md (<see cref="Edge.Firmware.Buffering.ReadingFlags"/> uses bits 0-4). Reverse flow, tamper and
/// low battery reuse the device bits.
/// </summary>
internal static class MeterAlarmFlags
{
    /// <summary>The meter reports a leak (continuous flow).</summary>
    public const int Leak = 0x100;

    /// <summary>The meter reports a burst (very high flow).</summary>
    public const int Burst = 0x200;

    /// <summary>The meter reports a dry pipe (no water).</summary>
    public const int Dry = 0x400;
}
