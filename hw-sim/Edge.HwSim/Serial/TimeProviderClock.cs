using Edge.Firmware.Hardware;

namespace Edge.HwSim.Serial;

/// <summary>Firmware's <see cref="IClock"/> over a <see cref="TimeProvider"/> (simulated or scaled time): uptime counts from creation.</summary>
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
