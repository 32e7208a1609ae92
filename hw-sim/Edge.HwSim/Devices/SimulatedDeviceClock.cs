using Edge.Firmware.Hardware;

namespace Edge.HwSim.Devices;

/// <summary>A device's clock in simulated time: wall time set by the simulator, uptime since the last boot.</summary>
public sealed class SimulatedDeviceClock : IClock
{
    /// <summary>Simulated wall time, Unix ms.</summary>
    public long UtcNowUnixMs { get; set; }

    /// <summary>Wall time of the last boot.</summary>
    public long BootUnixMs { get; set; }

    /// <inheritdoc />
    public long UptimeMs => UtcNowUnixMs - BootUnixMs;

    /// <inheritdoc />
    public int Quality { get; set; } = ClockQualities.Ntp;
}
