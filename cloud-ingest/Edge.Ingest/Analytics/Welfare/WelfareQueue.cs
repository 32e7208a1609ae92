using Edge.Ingest.Analytics.Recompute;
using Microsoft.Extensions.Options;

namespace Edge.Ingest.Analytics.Welfare;

/// <summary>
/// The enrolled meters whose hours changed, handed from the ingest write path to <see cref="WelfareWorker"/>: the alarm
/// service's queue (<see cref="AlarmRecomputeQueue"/>: never waits, one dictionary update per meter, bounded), a
/// separate instance so each service takes its own meters.
/// </summary>
public sealed class WelfareQueue(IOptions<AlarmRecomputeOptions> options, ILogger<AlarmRecomputeQueue> logger)
{
    /// <summary>The meters waiting, with the earliest hour each.</summary>
    public AlarmRecomputeQueue Meters { get; } = new(options, logger) { Purpose = "the welfare watch" };

    /// <summary>Records that the enrolled <paramref name="meters"/> have new readings from the given times on.</summary>
    public void Add(IEnumerable<(string MeterId, DateTimeOffset Earliest)> meters) => Meters.Add(meters);
}
