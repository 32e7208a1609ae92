using System.Diagnostics;

namespace Edge.HwSim.Sensors;

/// <summary>
/// Time for sensor models that can be stepped forward: frozen (moves only on <see cref="Advance"/>, for
/// firmware-driver tests) or running with the wall clock plus the steps taken (for bindings that sleep in real
/// time, where a test still wants to skip a 5 s measurement period).
/// </summary>
public sealed class SimulationClock : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly DateTimeOffset _start;
    private readonly long _origin = Stopwatch.GetTimestamp();
    private TimeSpan _stepped;

    /// <summary>A clock at <paramref name="start"/>; <paramref name="running"/> adds the real time elapsed.</summary>
    public SimulationClock(DateTimeOffset start, bool running)
    {
        _start = start;
        Running = running;
    }

    /// <summary>True when the clock also follows real time.</summary>
    public bool Running { get; }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            var real = Running ? Stopwatch.GetElapsedTime(_origin) : TimeSpan.Zero;
            return _start + _stepped + real;
        }
    }

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(step, TimeSpan.Zero);
        lock (_lock)
        {
            _stepped += step;
        }
    }
}
