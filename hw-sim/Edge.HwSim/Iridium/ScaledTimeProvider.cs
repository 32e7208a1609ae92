using System.Diagnostics;

namespace Edge.HwSim.Iridium;

/// <summary>
/// Simulated time that runs <see cref="Factor"/> times faster than the wall clock, for components that wait on real
/// I/O (a pty) and on simulated time at once: a 15 s Iridium session at factor 1000 takes 15 ms. Timers (and so
/// <c>Task.Delay(TimeSpan, TimeProvider)</c>) fire after the scaled-down real time.
/// </summary>
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly DateTimeOffset _start;
    private readonly long _origin = Stopwatch.GetTimestamp();

    /// <summary>Starts simulated time at <paramref name="start"/>, running <paramref name="factor"/> times faster than real time.</summary>
    public ScaledTimeProvider(double factor, DateTimeOffset start)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(factor, 0);
        Factor = factor;
        _start = start;
    }

    /// <summary>Simulated seconds per real second.</summary>
    public double Factor { get; }

    /// <summary>Simulated time elapsed since creation.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks((long)(Stopwatch.GetElapsedTime(_origin).Ticks * Factor));

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _start + Elapsed;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp() => Elapsed.Ticks;

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(System.CreateTimer(callback, state, ToReal(dueTime), ToReal(period)), this);

    /// <summary>The real time a simulated span takes.</summary>
    public TimeSpan ToReal(TimeSpan simulated) =>
        simulated == Timeout.InfiniteTimeSpan ? simulated : TimeSpan.FromTicks((long)(simulated.Ticks / Factor));

    private sealed class ScaledTimer(ITimer inner, ScaledTimeProvider owner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(owner.ToReal(dueTime), owner.ToReal(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
