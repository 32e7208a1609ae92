using System;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.Device.Adapters;

/// <summary>
/// <see cref="IClock"/> over the ESP32's clocks: wall time from <see cref="DateTime.UtcNow"/> (set by SNTP once
/// Wi-Fi is up, otherwise counting from the firmware's default date) and uptime from
/// <c>Environment.TickCount64</c> (nanoFramework.Runtime.Native), which never goes back.
/// </summary>
public sealed class DeviceClock : IClock
{
    // 1970-01-01T00:00:00Z in DateTime ticks (100 ns since 0001-01-01).
    private const long UnixEpochTicks = 621355968000000000;
    private const long TicksPerMillisecond = 10000;

    private int _quality = ClockQualities.RtcUnsynced;

    /// <inheritdoc />
    public long UtcNowUnixMs => (DateTime.UtcNow.Ticks - UnixEpochTicks) / TicksPerMillisecond;

    /// <inheritdoc />
    public long UptimeMs => Environment.TickCount64;

    /// <inheritdoc />
    public int Quality => _quality;

    /// <summary>Records how the wall clock was last set: one of <see cref="ClockQualities"/>.</summary>
    public void SetQuality(int quality)
    {
        _quality = quality;
    }
}
