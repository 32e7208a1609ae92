using Edge.Gateway.Diagnostics;
using Edge.Gateway.Hosting;
using Edge.Gateway.Store;
using Edge.Uplink;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Batching;

/// <summary>
/// Decides when readings become a batch and assigns them: a batch is cut when <see cref="BatchOptions.MaxReadings"/>
/// readings wait or the oldest has waited <see cref="BatchOptions.MaxDelay"/>, while fewer than
/// <see cref="BatchOptions.MaxPendingBatches"/> batches await acknowledgement.
/// </summary>
internal sealed partial class BatchCutter(
    BatchLedger ledger,
    IOptions<GatewayOptions> options,
    GatewayCounters counters,
    ILogger<BatchCutter> logger)
{
    /// <summary>Cuts every batch due at <paramref name="nowUnixMs"/> and returns them, oldest first.</summary>
    public List<PendingBatch> CutDue(long nowUnixMs)
    {
        var settings = options.Value.Batch;
        var cut = new List<PendingBatch>();
        while (ledger.PendingCount() < settings.MaxPendingBatches)
        {
            var waiting = ledger.Unbatched(settings.MaxReadings);
            if (waiting.Count == 0)
            {
                break;
            }

            var full = waiting.Count >= settings.MaxReadings;
            var due = nowUnixMs - waiting.OldestReceivedUnixMs >= (long)settings.MaxDelay.TotalMilliseconds;
            if (!full && !due)
            {
                break;
            }

            var rows = ledger.SelectUnbatched(settings.MaxReadings);
            var take = settings.MaxBytes > 0 ? FitToBytes(rows, settings.MaxBytes, nowUnixMs) : rows.Count;
            var batch = ledger.Assign(rows.Take(take).Select(r => r.Id).ToList(), nowUnixMs);
            counters.BatchCut();
            LogCut(logger, batch.Sequence, batch.Readings, full ? "full" : "max delay");
            cut.Add(batch);
        }

        return cut;
    }

    /// <summary>How many of the rows (in order) fit into <paramref name="maxBytes"/> once encoded.</summary>
    private int FitToBytes(List<(long Id, ReadingRecord Reading)> rows, int maxBytes, long nowUnixMs)
    {
        var gatewayId = options.Value.Id;
        var take = rows.Count;
        while (true)
        {
            // The largest sequence stands in for the real one, so the header is never underestimated.
            var batch = BatchBuilder.Build(gatewayId, long.MaxValue, nowUnixMs, rows.Take(take).Select(r => r.Reading));
            var size = BatchCodec.Encode(batch).Length;
            if (size <= maxBytes)
            {
                return take;
            }

            if (take == 1)
            {
                LogSingleTooLarge(logger, size, maxBytes);
                return 1;
            }

            // Shrink in proportion (with a margin, compression is not linear), and by at least one reading.
            take = Math.Clamp((int)(take * (double)maxBytes / size * 0.9), 1, take - 1);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "cut batch {Sequence} with {Readings} readings ({Why})")]
    private static partial void LogCut(ILogger logger, long sequence, int readings, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "a single reading encodes to {Size} bytes, over Batch:MaxBytes {MaxBytes}; it is sent alone")]
    private static partial void LogSingleTooLarge(ILogger logger, int size, int maxBytes);
}
