using Edge.Firmware.Sensors;

namespace Edge.HwSim.Sensors;

/// <summary>The firmware's <see cref="IDelay"/> in simulation: steps a frozen <see cref="SimulationClock"/>, sleeps on a running one.</summary>
public sealed class SimulatedDelay(SimulationClock clock) : IDelay
{
    /// <summary>Total milliseconds waited, for tests.</summary>
    public long WaitedMs { get; private set; }

    /// <inheritdoc />
    public void Wait(int milliseconds)
    {
        WaitedMs += milliseconds;
        if (clock.Running)
        {
            Thread.Sleep(milliseconds);
        }
        else
        {
            clock.Advance(TimeSpan.FromMilliseconds(milliseconds));
        }
    }
}
