using Edge.Gateway.Links.Routing;
using Microsoft.Data.Sqlite;

namespace Edge.Gateway.Store;

/// <summary>
/// What waits in the store, in drain order (DESIGN.md, gateway promises 3 and 5): alarm events, gap records,
/// status events, then the newest waiting reading of every device that has one newer than anything of it
/// already batched (<c>device_marks</c>), then all other readings by class (reading before backfill), oldest
/// first. So after an outage the first batches carry each device's latest value, and the backlog follows
/// oldest first; the marks make sure that only the newest reading per device jumps the queue, not the
/// second newest at the next cut.
/// </summary>
internal sealed class DrainQueue(GatewayDatabase database)
{
    /// <summary>Most gap records offered for one batch.</summary>
    public const int MaxGapsPerBatch = 1000;

    /// <summary>Counts waiting items (up to <paramref name="limit"/>) and finds the oldest of every class.</summary>
    public UnbatchedSummary Unbatched(int limit)
    {
        using var connection = database.Open();
        var oldest = new long?[4];
        for (var c = 0; c < oldest.Length; c++)
        {
            oldest[c] = Min(connection, c switch
            {
                // Gap records travel with status delay: they matter, but not as much as an alarm.
                1 => "SELECT min(m) FROM (SELECT min(received_ms) m FROM events WHERE batch_seq IS NULL AND class = 1 UNION ALL SELECT min(created_ms) FROM gaps WHERE batch_seq IS NULL)",
                _ => $"SELECT min(m) FROM (SELECT min(received_ms) m FROM readings WHERE batch_seq IS NULL AND class = {c} UNION ALL SELECT min(received_ms) FROM events WHERE batch_seq IS NULL AND class = {c})",
            });
        }

        using var count = connection.CreateCommand();
        count.CommandText = """
            SELECT (SELECT count(*) FROM (SELECT 1 FROM readings WHERE batch_seq IS NULL LIMIT $limit))
                 + (SELECT count(*) FROM (SELECT 1 FROM events WHERE batch_seq IS NULL LIMIT $limit))
                 + (SELECT count(*) FROM (SELECT 1 FROM gaps WHERE batch_seq IS NULL LIMIT $limit))
            """;
        count.Parameters.AddWithValue("$limit", limit);
        var total = Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        return new UnbatchedSummary((int)Math.Min(total, limit), oldest);
    }

    /// <summary>
    /// Per class (index as in <see cref="TrafficClasses.ByPriority"/>: alarm, gap, status, reading, backfill), the
    /// waiting items counted up to <paramref name="limit"/> and the receive (gap: creation) time of the oldest.
    /// </summary>
    public (int[] Counts, long?[] Oldest) WaitingByClass(int limit)
    {
        using var connection = database.Open();
        string[] sources =
        [
            "FROM events WHERE batch_seq IS NULL AND class = 0",
            "FROM gaps WHERE batch_seq IS NULL",
            "FROM events WHERE batch_seq IS NULL AND class = 1",
            "FROM readings WHERE batch_seq IS NULL AND class = 2",
            "FROM readings WHERE batch_seq IS NULL AND class = 3",
        ];
        var counts = new int[sources.Length];
        var oldest = new long?[sources.Length];
        for (var i = 0; i < sources.Length; i++)
        {
            var time = i == 1 ? "created_ms" : "received_ms";
            oldest[i] = Min(connection, $"SELECT min({time}) {sources[i]}");
            counts[i] = oldest[i] is null ? 0 : (int)(Min(connection, $"SELECT count(*) FROM (SELECT 1 {sources[i]} LIMIT {limit})") ?? 0);
        }

        return (counts, oldest);
    }

    /// <summary>Up to <paramref name="limit"/> waiting items in drain order.</summary>
    public List<PendingItem> Select(int limit) => Select(limit, TrafficClass.All);

    /// <summary>Up to <paramref name="limit"/> waiting items of <paramref name="classes"/> in drain order.</summary>
    public List<PendingItem> Select(int limit, TrafficClass classes)
    {
        using var connection = database.Open();
        var items = new List<PendingItem>();
        if ((classes & TrafficClass.Alarm) != 0)
        {
            items.AddRange(Events(connection, DataClass.Alarm, limit));
        }

        if ((classes & TrafficClass.Gap) != 0)
        {
            items.AddRange(StoreRows.Query(
                connection, $"SELECT id, {StoreRows.GapColumns} FROM gaps WHERE batch_seq IS NULL ORDER BY id LIMIT $limit",
                r => new PendingItem(r.GetInt64(0), null, null, StoreRows.Gap(r, 1)), ("$limit", Math.Min(Left(limit, items), MaxGapsPerBatch))));
        }

        if ((classes & TrafficClass.Status) != 0)
        {
            items.AddRange(Events(connection, DataClass.Status, Left(limit, items)));
        }

        var readingClasses = string.Join(", ", TrafficClasses.StoreClasses(classes & (TrafficClass.Reading | TrafficClass.Backfill)));
        if (readingClasses.Length == 0)
        {
            return items;
        }

        // Both reading classes: no filter, so the queries stay exactly the index walks they were.
        var filter = readingClasses.Contains(',', StringComparison.Ordinal) ? "" : $" AND class = {readingClasses}";

        // The devices with waiting readings by a skip scan of readings_pending_by_device (one index seek per
        // device, not a scan of every waiting reading), then each one's newest waiting reading.
        var heads = StoreRows.Query(connection, $"""
            WITH RECURSIVE d(device) AS (
                SELECT (SELECT min(device) FROM readings WHERE batch_seq IS NULL)
                UNION ALL
                SELECT (SELECT min(device) FROM readings WHERE batch_seq IS NULL AND device > d.device) FROM d WHERE d.device IS NOT NULL)
            SELECT r.id, {StoreRows.ReadingColumns} FROM readings r
            WHERE r.id IN (
                SELECT (SELECT x.id FROM readings x WHERE x.device = d.device AND x.batch_seq IS NULL ORDER BY x.observed_ms DESC, x.id DESC LIMIT 1)
                FROM d WHERE d.device IS NOT NULL)
              AND NOT EXISTS (SELECT 1 FROM device_marks m WHERE m.device = r.device AND m.observed_ms >= r.observed_ms)
              {filter.Replace("class", "r.class", StringComparison.Ordinal)}
            ORDER BY r.device LIMIT $limit
            """, ReadingItem, ("$limit", Left(limit, items)));
        items.AddRange(heads);
        var headIds = heads.Select(h => h.Id).ToHashSet();
        var rest = StoreRows.Query(
            connection, $"SELECT id, {StoreRows.ReadingColumns} FROM readings WHERE batch_seq IS NULL{filter} ORDER BY class, observed_ms, id LIMIT $limit",
            ReadingItem, ("$limit", Left(limit, items) + heads.Count));
        items.AddRange(rest.Where(r => !headIds.Contains(r.Id)).Take(Left(limit, items)));
        return items;
    }

    private static List<PendingItem> Events(SqliteConnection connection, DataClass dataClass, int limit) => StoreRows.Query(
        connection, $"SELECT id, {StoreRows.EventColumns} FROM events WHERE batch_seq IS NULL AND class = $class ORDER BY observed_ms, id LIMIT $limit",
        r => new PendingItem(r.GetInt64(0), null, StoreRows.Event(r, 1), null), ("$class", (int)dataClass), ("$limit", Math.Max(0, limit)));

    private static int Left(int limit, List<PendingItem> items) => Math.Max(0, limit - items.Count);

    private static PendingItem ReadingItem(SqliteDataReader r) => new(r.GetInt64(0), StoreRows.Reading(r, 1), null, null);

    private static long? Min(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = command.ExecuteScalar();
        return value is null or DBNull ? null : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
