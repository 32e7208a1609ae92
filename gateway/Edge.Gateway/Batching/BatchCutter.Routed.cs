using Edge.Gateway.Links.Routing;
using Edge.Gateway.Store;

namespace Edge.Gateway.Batching;

/// <content>Cutting per link: which classes go together, how large, and how many may wait per link.</content>
internal sealed partial class BatchCutter
{
    /// <summary>
    /// Cuts due batches for the links that will carry them. For the most urgent waiting class that some link takes
    /// now, the batch holds every waiting class that goes on that same link (a batch with alarms only those every
    /// alarm link takes, so it can move to another link), as many items as encode within the link's
    /// <see cref="LinkLane.MaxBatchBytes"/>. It is cut when one of its classes is due or it is full, and while fewer
    /// than <c>MaxPendingBatches</c> batches that link can carry now wait (alarm batches have their own count; a
    /// batch stuck behind a spent budget does not block the kept classes). Classes no link takes now stay unbatched.
    /// </summary>
    private List<PendingBatch> CutRouted(LinkRouter links, long nowUnixMs)
    {
        var settings = options.Value.Batch;
        var now = DateTimeOffset.FromUnixTimeMilliseconds(nowUnixMs);
        var cut = new List<PendingBatch>();
        for (var guard = 0; guard < 1000; guard++)
        {
            var (counts, oldest) = queue.WaitingByClass(settings.MaxReadings);
            var pending = ledger.PendingWithClasses();
            var batch = CutOne(links, counts, oldest, pending, now, nowUnixMs);
            if (batch is null)
            {
                break;
            }

            cut.Add(batch);
        }

        return cut;
    }

    private PendingBatch? CutOne(LinkRouter links, int[] counts, long?[] oldest, List<(PendingBatch Batch, TrafficClass Classes)> pending, DateTimeOffset now, long nowUnixMs)
    {
        var settings = options.Value.Batch;
        var order = TrafficClasses.ByPriority;
        var targets = order.Select(c => links.TargetFor(c, now)).ToArray();
        for (var i = 0; i < order.Length; i++)
        {
            if (counts[i] == 0 || targets[i] is not { } lane)
            {
                continue;
            }

            var classes = TrafficClass.None;
            for (var j = 0; j < order.Length; j++)
            {
                classes |= counts[j] > 0 && targets[j] == lane ? order[j] : TrafficClass.None;
            }

            if ((classes & TrafficClass.Alarm) != 0)
            {
                classes &= links.AlarmCompanions() | TrafficClass.Alarm;
            }

            var members = Enumerable.Range(0, order.Length).Where(j => (classes & order[j]) != 0).ToList();
            var full = members.Sum(j => counts[j]) >= settings.MaxReadings;
            var due = members.Any(j => oldest[j] is { } at && nowUnixMs - at >= (long)settings.MaxDelayOf(StoreClassOf(order[j])).TotalMilliseconds);
            if (!full && !due)
            {
                continue;
            }

            var alarm = (classes & TrafficClass.Alarm) != 0;
            var waiting = alarm
                ? pending.Count(p => (p.Classes & TrafficClass.Alarm) != 0)
                : pending.Count(p => (p.Classes & TrafficClass.Alarm) == 0 && p.Classes.Within(lane.CarriesNow(now)));
            if (waiting >= settings.MaxPendingBatches)
            {
                continue;
            }

            var items = queue.Select(settings.MaxReadings, classes);
            if (items.Count == 0)
            {
                continue;
            }

            var take = lane.MaxBatchBytes > 0 ? FitToBytes(items, lane.MaxBatchBytes, nowUnixMs) : items.Count;
            var batch = ledger.Assign(items.Take(take).ToList(), nowUnixMs);
            counters.BatchCut();
            LogCutFor(logger, batch.Sequence, take, batch.Readings, classes, lane.Name, full ? "full" : "max delay");
            return batch;
        }

        return null;
    }

    // Gap records wait as long as status events (Batch:StatusMaxDelay).
    private static DataClass StoreClassOf(TrafficClass single) => single switch
    {
        TrafficClass.Alarm => DataClass.Alarm,
        TrafficClass.Reading => DataClass.Reading,
        TrafficClass.Backfill => DataClass.Backfill,
        _ => DataClass.Status,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "cut batch {Sequence} with {Items} items, {Readings} of them readings, classes {Classes}, for link {Link} ({Why})")]
    private static partial void LogCutFor(ILogger logger, long sequence, int items, int readings, TrafficClass classes, string link, string why);
}
