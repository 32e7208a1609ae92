using System;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.Host;

/// <summary>
/// Firmware's <see cref="IClock"/> over a <see cref="TimeProvider"/>: the gateway's system time, or hw-sim's simulated or
/// scaled time. Uptime counts from creation on the provider's monotonic timestamp.
/// </summary>
public sealed class TimeProviderClock(TimeProvider time) : IClock
{
    private readonly long _origin = time.GetTimestamp();

    /// <inheritdoc />
    public long UtcNowUnixMs => time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <inheritdoc />
    public long UptimeMs => (long)time.GetElapsedTime(_origin).TotalMilliseconds;

    /// <inheritdoc />
    public int Quality => ClockQualities.Ntp;
}
