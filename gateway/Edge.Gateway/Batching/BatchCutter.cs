using Edge.Gateway.Diagnostics;
using Edge.Gateway.Hosting;
using Edge.Gateway.Links.Routing;
using Edge.Gateway.Store;
using Edge.Uplink;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Batching;

/// <summary>
/// Decides when waiting items become a batch and assigns them: a batch is cut when
/// <see cref="BatchOptions.MaxReadings"/> items wait or the oldest item of any class has waited that class's
/// delay (<see cref="BatchOptions.MaxDelayOf"/>: alarms 0), while fewer than
/// <see cref="BatchOptions.MaxPendingBatches"/> batches await acknowledgement. A batch takes items in the
/// store's drain order (<see cref="DrainQueue"/>), as many as fit <see cref="BatchOptions.MaxBytes"/>.
/// Once cut, a batch's content never changes, so every resend is byte-identical.
/// With links that differ in what they carry (<see cref="LinkRouter"/>), batches are cut per link instead
/// (<see cref="CutRouted"/>): only classes that go on the same link travel together, sized to that link.
/// </summary>
internal sealed partial class BatchCutter(
    BatchLedger ledger,
    DrainQueue queue,
    IOptions<GatewayOptions> options,
    GatewayCounters counters,
    ILogger<BatchCutter> logger,
    LinkRouter? router = null)
{
    /// <summary>Cuts every batch due at <paramref name="nowUnixMs"/> and returns them, oldest first.</summary>
    public List<PendingBatch> CutDue(long nowUnixMs)
    {
        if (router is { IsSingleUnrestricted: false, Lanes.Count: > 0 })
        {
            return CutRouted(router, nowUnixMs);
        }

        var settings = options.Value.Batch;
        var maxBytes = router is { Lanes.Count: 1 } ? router.Lanes[0].MaxBatchBytes : settings.MaxBytes;
        var cut = new List<PendingBatch>();
        while (ledger.PendingCount() < settings.MaxPendingBatches)
        {
            var waiting = queue.Unbatched(settings.MaxReadings);
            if (waiting.Count == 0)
            {
                break;
            }

            var full = waiting.Count >= settings.MaxReadings;
            var dueClass = DueClass(waiting, settings, nowUnixMs);
            if (!full && dueClass is null)
            {
                break;
            }

            var items = queue.Select(settings.MaxReadings);
            var take = maxBytes > 0 ? FitToBytes(items, maxBytes, nowUnixMs) : items.Count;
            var batch = ledger.Assign(items.Take(take).ToList(), nowUnixMs);
            counters.BatchCut();
            LogCut(logger, batch.Sequence, take, batch.Readings, full ? "full" : $"max delay of {dueClass}");
            cut.Add(batch);
        }

        return cut;
    }

    private static DataClass? DueClass(UnbatchedSummary waiting, BatchOptions settings, long nowUnixMs)
    {
        foreach (var dataClass in Enum.GetValues<DataClass>())
        {
            if (waiting.OldestReceivedUnixMs[(int)dataClass] is { } oldest && nowUnixMs - oldest >= (long)settings.MaxDelayOf(dataClass).TotalMilliseconds)
            {
                return dataClass;
            }
        }

        return null;
    }

    /// <summary>How many of the items (in order) fit into <paramref name="maxBytes"/> once encoded.</summary>
    private int FitToBytes(List<PendingItem> items, int maxBytes, long nowUnixMs)
    {
        var gatewayId = options.Value.Id;
        var take = items.Count;
        while (true)
        {
            // The largest sequence stands in for the real one, so the header is never underestimated.
            var size = BatchCodec.Encode(Build(gatewayId, long.MaxValue, nowUnixMs, items.Take(take))).Length;
            if (size <= maxBytes)
            {
                return take;
            }

            if (take == 1)
            {
                LogSingleTooLarge(logger, size, maxBytes);
                return 1;
            }

            // Shrink in proportion (with a margin, compression is not linear), and by at least one item.
            take = Math.Clamp((int)(take * (double)maxBytes / size * 0.9), 1, take - 1);
        }
    }

    private static Batch Build(string gatewayId, long sequence, long createdUnixMs, IEnumerable<PendingItem> items)
    {
        var list = items.ToList();
        return BatchBuilder.Build(
            gatewayId, sequence, createdUnixMs,
            list.Where(i => i.Reading is not null).Select(i => i.Reading!),
            list.Where(i => i.Event is not null).Select(i => i.Event!),
            [.. list.Where(i => i.Gap is not null).Select(i => i.Gap!)]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "cut batch {Sequence} with {Items} items, {Readings} of them readings ({Why})")]
    private static partial void LogCut(ILogger logger, long sequence, int items, int readings, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "a single item encodes to {Size} bytes, over Batch:MaxBytes {MaxBytes}; it is sent alone")]
    private static partial void LogSingleTooLarge(ILogger logger, int size, int maxBytes);
}
