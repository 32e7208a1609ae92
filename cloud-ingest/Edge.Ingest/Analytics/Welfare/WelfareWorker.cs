using Edge.Ingest.Analytics.Recompute;
using Microsoft.Extensions.Options;

namespace Edge.Ingest.Analytics.Welfare;

/// <summary>
/// Runs the welfare watch in the background (<see cref="RecomputeWorker"/>, as for the alarms): the enrolled meters
/// <see cref="WelfareQueue"/> holds as soon as a batch stored them, and on a timer
/// (<see cref="WelfareServiceOptions.TimerPeriod"/>) every enrolled household, so a morning deadline or a no-use span
/// is judged with no new data.
/// </summary>
public sealed class WelfareWorker(
    WelfareQueue queue, WelfareRecomputer recomputer, IOptions<WelfareServiceOptions> options, TimeProvider time,
    ILogger<WelfareWorker> logger)
    : RecomputeWorker(queue.Meters, options.Value.TimerPeriod, time, "the welfare watch")
{
    /// <inheritdoc />
    protected override async Task<IReadOnlyDictionary<string, DateTimeOffset>> RecomputeAsync(
        IReadOnlyDictionary<string, DateTimeOffset> waiting, DateTimeOffset? everyMeterFrom, Func<string, Exception, bool> failed,
        CancellationToken cancellationToken)
    {
        // Beyond the queue's bound only the earliest hour was kept: the tick's work judges every household.
        if (everyMeterFrom is not null)
        {
            await recomputer.TickAsync(failed, cancellationToken);
        }

        return waiting.Count == 0 ? waiting : await recomputer.RecomputeMetersAsync(waiting, failed, cancellationToken);
    }

    /// <inheritdoc />
    protected override Task TickAsync(Func<string, Exception, bool> failed, CancellationToken cancellationToken) =>
        recomputer.TickAsync(failed, cancellationToken);

    /// <inheritdoc />
    protected override void LogFailure(string what, Exception exception) => WelfareLog.RecomputeFailed(logger, what, exception);
}
