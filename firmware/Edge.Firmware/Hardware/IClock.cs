namespace Edge.Firmware.Hardware;

/// <summary>The device's clocks: wall time (may be unsynchronised) and a monotonic uptime.</summary>
public interface IClock
{
    /// <summary>Wall-clock time, Unix milliseconds UTC.</summary>
    long UtcNowUnixMs { get; }

    /// <summary>Monotonic milliseconds since boot; never goes back.</summary>
    long UptimeMs { get; }

    /// <summary>How the wall clock is synchronised: one of <see cref="ClockQualities"/>.</summary>
    int Quality { get; }
}
