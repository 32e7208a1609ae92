using System.Diagnostics;
using Edge.HwSim.Fleet;

namespace Edge.HwSim.Tests.EndToEnd;

/// <summary>
/// Keeps a fleet advancing on its own thread, one reading interval per step and at most one step per
/// <c>minStepWall</c>, so the devices publish steadily while a test does something else (kills the gateway).
/// Simulated time never passes <c>latestUnixMs</c> (the ingest refuses readings from the future).
/// </summary>
public sealed class FleetLoad(PulseMeterFleet fleet, long stepMs, TimeSpan minStepWall, long latestUnixMs) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task _task = Task.CompletedTask;

    /// <summary>Steps taken.</summary>
    public long Steps { get; private set; }

    /// <summary>The longest one step took (every node's tick, publishes included).</summary>
    public TimeSpan LongestStep { get; private set; }

    /// <summary>True when simulated time reached its limit before the load was stopped.</summary>
    public bool RanOutOfTime { get; private set; }

    /// <summary>Starts advancing.</summary>
    public void Start() =>
        _task = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Stops after the step in progress; rethrows what the load thread threw.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _task;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _task.Wait(TimeSpan.FromSeconds(30));
        }
        catch (AggregateException)
        {
            // Reported by StopAsync when the test got that far.
        }

        _stop.Dispose();
    }

    private void Run()
    {
        while (!_stop.IsCancellationRequested)
        {
            var next = fleet.NowUnixMs + stepMs;
            if (next > latestUnixMs)
            {
                RanOutOfTime = true;
                return;
            }

            var started = Stopwatch.GetTimestamp();
            fleet.AdvanceTo(next);
            var took = Stopwatch.GetElapsedTime(started);
            Steps++;
            if (took > LongestStep)
            {
                LongestStep = took;
            }

            if (took < minStepWall)
            {
                Thread.Sleep(minStepWall - took);
            }
        }
    }
}
