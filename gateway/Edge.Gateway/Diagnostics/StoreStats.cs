using Edge.Gateway.Store;
using Microsoft.Data.Sqlite;

namespace Edge.Gateway.Diagnostics;

/// <summary>What the store holds that the ingest has not acknowledged yet, read for /metrics.</summary>
/// <param name="At">When it was read.</param>
/// <param name="Classes">Per class (index = <see cref="DataClass"/>): readings and events waiting and in batches already cut.</param>
/// <param name="GapsWaiting">Gap records not yet in a batch.</param>
/// <param name="GapsInFlight">Gap records in batches not yet acknowledged.</param>
/// <param name="GapItems">Items the unacknowledged gap records report lost (sum of their counts).</param>
/// <param name="OldestGapUnixMs">Creation time of the oldest unacknowledged gap record.</param>
/// <param name="BatchesPending">Batches cut and not yet acknowledged.</param>
/// <param name="OldestBatchUnixMs">Creation time of the oldest of them.</param>
/// <param name="FileBytes">Size of the store's file plus its WAL.</param>
internal sealed record StoreStats(
    DateTimeOffset At,
    IReadOnlyList<ClassStats> Classes,
    long GapsWaiting,
    long GapsInFlight,
    long GapItems,
    long? OldestGapUnixMs,
    long BatchesPending,
    long? OldestBatchUnixMs,
    long FileBytes)
{
    /// <summary>
    /// Reads the statistics in one read transaction (a snapshot; in WAL mode it does not block the writer).
    /// Counting waiting items scans the pending indexes: tens of milliseconds per 100,000 items on a Pi, so the
    /// caller caches the result (<see cref="HealthOptions.StoreStatsMaxAge"/>).
    /// </summary>
    public static StoreStats Read(GatewayDatabase database, DateTimeOffset now)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction(deferred: true);
        var classes = new ClassStats[4];
        for (var c = 0; c < classes.Length; c++)
        {
            classes[c] = new ClassStats((DataClass)c, 0, 0, 0, null);
        }

        // Both tables have a partial index on (class, received_ms) for waiting rows, so these are index-only scans;
        // rows in cut batches are at most MaxPendingBatches batches.
        foreach (var (table, waiting) in new[] { ("readings", true), ("readings", false), ("events", true), ("events", false) })
        {
            var filter = waiting ? "batch_seq IS NULL" : "batch_seq IS NOT NULL";
            foreach (var row in Rows(connection, tx, $"SELECT class, count(*), min(received_ms) FROM {table} WHERE {filter} GROUP BY class"))
            {
                var c = (int)row[0]!.Value;
                if ((uint)c >= (uint)classes.Length)
                {
                    continue;
                }

                var s = classes[c];
                classes[c] = s with
                {
                    Waiting = s.Waiting + (waiting ? row[1]!.Value : 0),
                    InFlight = s.InFlight + (waiting ? 0 : row[1]!.Value),
                    OldestReceivedUnixMs = Min(s.OldestReceivedUnixMs, row[2]),
                };
            }
        }

        foreach (var row in Rows(connection, tx, "SELECT class, bytes FROM usage"))
        {
            var c = (int)row[0]!.Value;
            if ((uint)c < (uint)classes.Length)
            {
                classes[c] = classes[c] with { EstimatedBytes = row[1] ?? 0 };
            }
        }

        long gapsWaiting = 0, gapsInFlight = 0, gapItems = 0;
        long? oldestGap = null;
        foreach (var row in Rows(connection, tx, "SELECT batch_seq IS NULL, count(*), coalesce(sum(count), 0), min(created_ms) FROM gaps GROUP BY batch_seq IS NULL"))
        {
            if (row[0] == 1)
            {
                gapsWaiting = row[1]!.Value;
            }
            else
            {
                gapsInFlight = row[1]!.Value;
            }

            gapItems += row[2]!.Value;
            oldestGap = Min(oldestGap, row[3]);
        }

        var batches = Rows(connection, tx, "SELECT count(*), min(created_ms) FROM batches")[0];
        tx.Commit();
        return new StoreStats(now, classes, gapsWaiting, gapsInFlight, gapItems, oldestGap, batches[0] ?? 0, batches[1], SizeOnDisk(database.FilePath));
    }

    private static long SizeOnDisk(string path)
    {
        long total = 0;
        foreach (var file in new[] { path, path + "-wal" })
        {
            try
            {
                total += new FileInfo(file).Length;
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return total;
    }

    private static long? Min(long? a, long? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static List<long?[]> Rows(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<long?[]>();
        while (reader.Read())
        {
            var row = new long?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetInt64(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}

/// <summary>One class's unacknowledged items.</summary>
/// <param name="Class">The class.</param>
/// <param name="Waiting">Readings and events not yet in a batch.</param>
/// <param name="InFlight">Readings and events in batches cut and not yet acknowledged.</param>
/// <param name="EstimatedBytes">The class's share of the store size estimate (README, "Size limit and eviction").</param>
/// <param name="OldestReceivedUnixMs">When the gateway received the oldest of them.</param>
internal sealed record ClassStats(DataClass Class, long Waiting, long InFlight, long EstimatedBytes, long? OldestReceivedUnixMs)
{
    /// <summary>Everything of the class the ingest has not acknowledged.</summary>
    public long Unacknowledged => Waiting + InFlight;
}
