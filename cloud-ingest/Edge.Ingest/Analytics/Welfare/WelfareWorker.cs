using Microsoft.Extensions.Options;

namespace Edge.Ingest.Analytics.Welfare;

/// <summary>
/// Runs the welfare watch in the background, as <see cref="Recompute.AlarmRecomputeWorker"/> does the alarms: the enrolled
/// meters <see cref="WelfareQueue"/> holds as soon as a batch stored them, and on a <see cref="TimeProvider"/> timer
/// (<see cref="WelfareServiceOptions.TimerPeriod"/>) every enrolled household, so a morning deadline or a no-use span
/// is judged with no new data. One run at a time; a meter that fails is tried again at the next tick; nothing here
/// stops the ingest. Tests call <see cref="RecomputeNowAsync"/> and <see cref="TickNowAsync"/> instead of waiting.
/// </summary>
public sealed class WelfareWorker(
    WelfareQueue queue, WelfareRecomputer recomputer, IOptions<WelfareServiceOptions> options, TimeProvider time,
    ILogger<WelfareWorker> logger) : BackgroundService
{
    private readonly SemaphoreSlim _run = new(1, 1);
    private Dictionary<string, DateTimeOffset> _retry = new(StringComparer.Ordinal);
    private TaskCompletionSource _nextTick = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the timer's next tick has done its work (for tests that drive the clock).</summary>
    public Task NextTimerTickAsync() => Volatile.Read(ref _nextTick).Task;

    /// <summary>Judges every meter waiting now, and returns when it is done (and so is any run in progress).</summary>
    public Task RecomputeNowAsync(CancellationToken cancellationToken = default) => ExclusiveAsync(DrainAsync, cancellationToken);

    /// <summary>Does the timer's work now (retries, then every enrolled household), after anything waiting.</summary>
    public Task TickNowAsync(CancellationToken cancellationToken = default) => ExclusiveAsync(async ct =>
    {
        queue.Add(_retry.Select(r => (r.Key, r.Value)));
        _retry = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await DrainAsync(ct);
        await recomputer.TickAsync(Failed, ct);
    }, cancellationToken);

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(QueueLoopAsync(stoppingToken), TimerLoopAsync(stoppingToken));

    private async Task QueueLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await queue.Meters.WaitAsync(stoppingToken);
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

    private async Task ExclusiveAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        await _run.WaitAsync(cancellationToken);
        try
        {
            await work(cancellationToken);
        }
        finally
        {
            _run.Release();
        }
    }

    // Beyond the queue's bound the alarm queue keeps only the earliest hour: the timer's tick then judges every household.
    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        var (waiting, everyMeterFrom) = queue.Meters.Take();
        if (everyMeterFrom is not null)
        {
            await recomputer.TickAsync(Failed, cancellationToken);
        }

        if (waiting.Count == 0)
        {
            return;
        }

        var failed = await recomputer.RecomputeMetersAsync(waiting, Failed, cancellationToken);
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
        catch (Exception ex) when (ex is not OperationCanceledException && Failed("the welfare watch", ex))
        {
            // Logged; the next signal or tick tries again.
        }
    }

    private bool Failed(string subject, Exception exception)
    {
        WelfareLog.RecomputeFailed(logger, subject, exception);
        return true;
    }
}
