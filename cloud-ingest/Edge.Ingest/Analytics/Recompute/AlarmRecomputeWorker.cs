using Edge.Ingest.Registry;
using Microsoft.Extensions.Options;

namespace Edge.Ingest.Analytics.Recompute;

/// <summary>
/// Recomputes alarms in the background (<see cref="RecomputeWorker"/>): the meters <see cref="AlarmRecomputeQueue"/> holds
/// as soon as a batch stored them, and on a timer (<see cref="AlarmRecomputeOptions.TimerPeriod"/>) what needs no new
/// data (no communication, the monthly jump).
/// </summary>
public sealed class AlarmRecomputeWorker(
    AlarmRecomputeQueue queue, AlarmRecomputer recomputer, IDeviceRegistry registry, IOptions<AlarmRecomputeOptions> options,
    TimeProvider time, ILogger<AlarmRecomputeWorker> logger)
    : RecomputeWorker(queue, options.Value.TimerPeriod, time, "the alarm recomputation")
{
    /// <inheritdoc />
    protected override async Task<IReadOnlyDictionary<string, DateTimeOffset>> RecomputeAsync(
        IReadOnlyDictionary<string, DateTimeOffset> waiting, DateTimeOffset? everyMeterFrom, Func<string, Exception, bool> failed,
        CancellationToken cancellationToken)
    {
        // Beyond the queue's bound only the earliest hour was kept: every water meter from then.
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

        return waiting.Count == 0 ? waiting : await recomputer.RecomputeMetersAsync(waiting, failed, cancellationToken);
    }

    /// <inheritdoc />
    protected override Task TickAsync(Func<string, Exception, bool> failed, CancellationToken cancellationToken) =>
        recomputer.TickAsync(failed, cancellationToken);

    /// <inheritdoc />
    protected override void LogFailure(string what, Exception exception) => AlarmLog.RecomputeFailed(logger, what, exception);
}
