using Edge.Ingest.Registry;
using Microsoft.Extensions.Options;

namespace Edge.Ingest.Analytics.Recompute;

/// <summary>
/// Recomputes alarms in the background: the meters <see cref="AlarmRecomputeQueue"/> holds as soon as a batch stored
/// them (the POST does not wait), and on a timer (<see cref="AlarmRecomputeOptions.TimerPeriod"/>, from the injected
/// <see cref="TimeProvider"/>) what needs no new data. One recomputation at a time. A meter that fails is kept and tried
/// again at the next tick; nothing here ever stops the ingest. Tests call <see cref="RecomputeNowAsync"/> and
/// <see cref="TickNowAsync"/> instead of waiting.
/// </summary>
public sealed class AlarmRecomputeWorker(
    AlarmRecomputeQueue queue, AlarmRecomputer recomputer, IDeviceRegistry registry, IOptions<AlarmRecomputeOptions> options,
    TimeProvider time, ILogger<AlarmRecomputeWorker> logger) : BackgroundService
{
    private readonly SemaphoreSlim _run = new(1, 1);
    private Dictionary<string, DateTimeOffset> _retry = new(StringComparer.Ordinal);
    private TaskCompletionSource _nextTick = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the timer's next tick has done its work (for tests that drive the clock).</summary>
    public Task NextTimerTickAsync() => Volatile.Read(ref _nextTick).Task;

    /// <summary>Recomputes everything waiting now, and returns when it is done (and so is any run in progress).</summary>
    public async Task RecomputeNowAsync(CancellationToken cancellationToken = default)
    {
        await _run.WaitAsync(cancellationToken);
        try
        {
            await DrainAsync(cancellationToken);
        }
        finally
        {
            _run.Release();
        }
    }

    /// <summary>Does the timer's work now (no communication, monthly jump, retries), after anything waiting.</summary>
    public async Task TickNowAsync(CancellationToken cancellationToken = default)
    {
        await _run.WaitAsync(cancellationToken);
        try
        {
            queue.Add(_retry.Select(r => (r.Key, r.Value)));
            _retry = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            await DrainAsync(cancellationToken);
            await recomputer.TickAsync(Failed, cancellationToken);
        }
        finally
        {
            _run.Release();
        }
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(QueueLoopAsync(stoppingToken), TimerLoopAsync(stoppingToken));

    private async Task QueueLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await queue.WaitAsync(stoppingToken);
                await GuardedAsync(RecomputeNowAsync, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task TimerLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.TimerPeriod, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await GuardedAsync(TickNowAsync, stoppingToken);
                Interlocked.Exchange(ref _nextTick, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        var (waiting, everyMeterFrom) = queue.Take();
        if (everyMeterFrom is { } from)
        {
            var all = new Dictionary<string, DateTimeOffset>(waiting, StringComparer.Ordinal);
            foreach (var meter in await registry.ListAsync(cancellationToken))
            {
                if (meter.Kind == DeviceKind.WaterMeter)
                {
                    all[meter.DeviceId] = all.TryGetValue(meter.DeviceId, out var known) && known < from ? known : from;
                }
            }

            waiting = all;
        }

        if (waiting.Count == 0)
        {
            return;
        }

        IReadOnlyDictionary<string, DateTimeOffset> failed;
        try
        {
            failed = await recomputer.RecomputeMetersAsync(waiting, Failed, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && Failed("the waiting meters", ex))
        {
            failed = waiting;
        }

        foreach (var (id, earliest) in failed)
        {
            _retry[id] = _retry.TryGetValue(id, out var known) && known < earliest ? known : earliest;
        }
    }

    private async Task GuardedAsync(Func<CancellationToken, Task> work, CancellationToken stoppingToken)
    {
        try
        {
            await work(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && Failed("the alarm recomputation", ex))
        {
            // Logged; the next signal or tick tries again.
        }
    }

    private bool Failed(string subject, Exception exception)
    {
        AlarmLog.RecomputeFailed(logger, subject, exception);
        return true;
    }
}
