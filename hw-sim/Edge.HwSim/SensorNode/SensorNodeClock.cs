using Edge.Firmware.Hardware;
using Edge.HwSim.Sensors;

namespace Edge.HwSim.SensorNode;

/// <summary>A sensor node's clock over the simulation's time: NTP-synchronised wall time, uptime from a fixed origin.</summary>
public sealed class SensorNodeClock(SimulationClock time, long originUnixMs) : IClock
{
    /// <inheritdoc />
    public long UtcNowUnixMs => time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <inheritdoc />
    public long UptimeMs => UtcNowUnixMs - originUnixMs;

    /// <inheritdoc />
    public int Quality { get; set; } = ClockQualities.Ntp;
}
