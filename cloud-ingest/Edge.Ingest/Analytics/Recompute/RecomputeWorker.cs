namespace Edge.Ingest.Analytics.Recompute;

/// <summary>
/// The background loop shared by the alarm recomputation and the welfare watch: the meters an
/// <see cref="AlarmRecomputeQueue"/> holds as soon as a batch stored them (the POST does not wait), and on a timer (from
/// the injected <see cref="TimeProvider"/>) what needs no new data. One run at a time. A meter that fails is kept and
/// tried again at the next tick; nothing here ever stops the ingest. Tests call <see cref="RecomputeNowAsync"/> and
/// <see cref="TickNowAsync"/> instead of waiting.
/// </summary>
/// <param name="queue">The meters waiting.</param>
/// <param name="timerPeriod">How often the timer's work runs.</param>
/// <param name="time">The clock of the timer.</param>
/// <param name="subject">What runs, for the log ("the alarm recomputation").</param>
public abstract class RecomputeWorker(AlarmRecomputeQueue queue, TimeSpan timerPeriod, TimeProvider time, string subject) : BackgroundService
{
    private readonly SemaphoreSlim _run = new(1, 1);
    private Dictionary<string, DateTimeOffset> _retry = new(StringComparer.Ordinal);
    private TaskCompletionSource _nextTick = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the timer's next tick has done its work (for tests that drive the clock).</summary>
    public Task NextTimerTickAsync() => Volatile.Read(ref _nextTick).Task;

    /// <summary>Recomputes everything waiting now, and returns when it is done (and so is any run in progress).</summary>
    public Task RecomputeNowAsync(CancellationToken cancellationToken = default) => ExclusiveAsync(DrainAsync, cancellationToken);

    /// <summary>Does the timer's work now (retries, then <see cref="TickAsync"/>), after anything waiting.</summary>
    public Task TickNowAsync(CancellationToken cancellationToken = default) => ExclusiveAsync(async ct =>
    {
        queue.Add(_retry.Select(r => (r.Key, r.Value)));
        _retry = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await DrainAsync(ct);
        await TickAsync(Failed, ct);
    }, cancellationToken);

    /// <summary>
    /// Recomputes the <paramref name="waiting"/> meters (each from its earliest changed hour); when the queue overflowed,
    /// <paramref name="everyMeterFrom"/> is set and every meter is due from then. Returns the meters that failed.
    /// </summary>
    protected abstract Task<IReadOnlyDictionary<string, DateTimeOffset>> RecomputeAsync(
        IReadOnlyDictionary<string, DateTimeOffset> waiting, DateTimeOffset? everyMeterFrom, Func<string, Exception, bool> failed,
        CancellationToken cancellationToken);

    /// <summary>The timer's own work (what needs no new data).</summary>
    protected abstract Task TickAsync(Func<string, Exception, bool> failed, CancellationToken cancellationToken);

    /// <summary>Logs a failure of <paramref name="what"/>.</summary>
    protected abstract void LogFailure(string what, Exception exception);

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
        using var timer = new PeriodicTimer(timerPeriod, time);
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

    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        var (waiting, everyMeterFrom) = queue.Take();
        if (waiting.Count == 0 && everyMeterFrom is null)
        {
            return;
        }

        IReadOnlyDictionary<string, DateTimeOffset> failed;
        try
        {
            failed = await RecomputeAsync(waiting, everyMeterFrom, Failed, cancellationToken);
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
        catch (Exception ex) when (ex is not OperationCanceledException && Failed(subject, ex))
        {
            // Logged; the next signal or tick tries again.
        }
    }

    private bool Failed(string what, Exception exception)
    {
        LogFailure(what, exception);
        return true;
    }
}
