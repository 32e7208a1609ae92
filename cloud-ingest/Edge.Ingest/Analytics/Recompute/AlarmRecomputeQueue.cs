using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Edge.Ingest.Analytics.Recompute;

/// <summary>
/// The meters whose hours changed, handed from the ingest write path to <see cref="AlarmRecomputeWorker"/>. Adding never
/// waits and costs one dictionary update per meter: a meter already waiting keeps the earlier of its two hours. The
/// number of waiting meters is bounded; beyond it only the earliest hour is kept and every meter is recomputed.
/// </summary>
public sealed class AlarmRecomputeQueue(IOptions<AlarmRecomputeOptions> options, ILogger<AlarmRecomputeQueue> logger)
{
    private readonly Lock _gate = new();
    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private Dictionary<string, DateTimeOffset> _pending = new(StringComparer.Ordinal);
    private DateTimeOffset? _everyMeterFrom;

    /// <summary>What the waiting meters are for, in the overflow warning ("alarm recomputation", "the welfare watch").</summary>
    public string Purpose { get; init; } = "alarm recomputation";

    /// <summary>Records that <paramref name="meters"/> have new readings observed from the given times on, and wakes the worker.</summary>
    public void Add(IEnumerable<(string MeterId, DateTimeOffset Earliest)> meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var capacity = options.Value.MaxPendingMeters;
        lock (_gate)
        {
            foreach (var (meterId, earliest) in meters)
            {
                if (_pending.TryGetValue(meterId, out var known))
                {
                    _pending[meterId] = earliest < known ? earliest : known;
                }
                else if (_pending.Count < capacity)
                {
                    _pending[meterId] = earliest;
                }
                else
                {
                    if (_everyMeterFrom is null)
                    {
                        AlarmLog.QueueOverflow(logger, capacity, Purpose, earliest);
                    }

                    _everyMeterFrom = _everyMeterFrom is { } from && from < earliest ? from : earliest;
                }
            }
        }

        _signal.Writer.TryWrite(true);
    }

    /// <summary>Waits until something was added since the last <see cref="Take"/>.</summary>
    public ValueTask<bool> WaitAsync(CancellationToken cancellationToken) => _signal.Reader.ReadAsync(cancellationToken);

    /// <summary>Takes everything waiting: the meters with their earliest hour, and the hour from which every meter must be recomputed (or null).</summary>
    public (IReadOnlyDictionary<string, DateTimeOffset> Meters, DateTimeOffset? EveryMeterFrom) Take()
    {
        lock (_gate)
        {
            var taken = (_pending, _everyMeterFrom);
            _pending = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            _everyMeterFrom = null;
            return taken;
        }
    }
}
