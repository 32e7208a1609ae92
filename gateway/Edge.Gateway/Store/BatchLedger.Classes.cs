using Edge.Gateway.Links.Routing;

namespace Edge.Gateway.Store;

/// <content>What each pending batch carries, for link choice.</content>
internal sealed partial class BatchLedger
{
    /// <summary>Every pending batch, oldest first, with the classes of what it carries.</summary>
    public List<(PendingBatch Batch, TrafficClass Classes)> PendingWithClasses()
    {
        using var connection = database.Open();
        return StoreRows.Query(connection, """
            SELECT b.seq, b.created_ms, b.readings,
                EXISTS (SELECT 1 FROM events e WHERE e.batch_seq = b.seq AND e.class = 0),
                EXISTS (SELECT 1 FROM events e WHERE e.batch_seq = b.seq AND e.class = 1),
                EXISTS (SELECT 1 FROM readings r WHERE r.batch_seq = b.seq AND r.class = 2),
                EXISTS (SELECT 1 FROM readings r WHERE r.batch_seq = b.seq AND r.class = 3),
                EXISTS (SELECT 1 FROM gaps g WHERE g.batch_seq = b.seq)
            FROM batches b ORDER BY b.seq
            """, r =>
        {
            var classes = TrafficClass.None;
            TrafficClass[] flags = [TrafficClass.Alarm, TrafficClass.Status, TrafficClass.Reading, TrafficClass.Backfill, TrafficClass.Gap];
            for (var i = 0; i < flags.Length; i++)
            {
                if (r.GetInt64(3 + i) != 0)
                {
                    classes |= flags[i];
                }
            }

            return (new PendingBatch(r.GetInt64(0), r.GetInt64(1), r.GetInt32(2)), classes);
        });
    }
}
