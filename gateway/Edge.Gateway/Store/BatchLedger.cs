using Microsoft.Data.Sqlite;

namespace Edge.Gateway.Store;

/// <summary>
/// The store's bookkeeping of batches: which readings, events and gap records each cut batch carries, and
/// their removal once the ingest acknowledged it. The batch sequence counter lives in the database, so a
/// sequence is never reused across restarts. Rows assigned to a batch never change again (eviction, expiry
/// and gap merging touch only waiting rows), so a batch rebuilt for a retry is byte-identical.
/// </summary>
internal sealed partial class BatchLedger(GatewayDatabase database)
{
    private static readonly string[] _tables = ["readings", "events", "gaps"];

    /// <summary>
    /// In one transaction: takes the next batch sequence, assigns the given waiting items to it (items that
    /// were evicted or expired meanwhile are skipped), moves the devices' drain marks to the newest reading
    /// assigned, records the batch and advances the counter. Returns the new batch.
    /// </summary>
    public PendingBatch Assign(IReadOnlyList<PendingItem> items, long createdUnixMs)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction(deferred: false);
        using var next = connection.CreateCommand();
        next.Transaction = tx;
        next.CommandText = "SELECT value FROM counters WHERE name = $name";
        next.Parameters.AddWithValue("$name", StoreSchema.NextBatchSeq);
        var sequence = (long)next.ExecuteScalar()!;

        var readings = 0;
        foreach (var table in _tables)
        {
            using var assign = connection.CreateCommand();
            assign.Transaction = tx;
            assign.CommandText = $"UPDATE {table} SET batch_seq = $seq WHERE id = $id AND batch_seq IS NULL";
            assign.Parameters.AddWithValue("$seq", sequence);
            var id = assign.Parameters.Add("$id", SqliteType.Integer);
            assign.Prepare();
            foreach (var item in items.Where(i => TableOf(i) == table))
            {
                id.Value = item.Id;
                var assigned = assign.ExecuteNonQuery();
                readings += table == "readings" ? assigned : 0;
            }
        }

        using var record = connection.CreateCommand();
        record.Transaction = tx;
        record.CommandText = """
            INSERT INTO device_marks (device, observed_ms)
                SELECT device, max(observed_ms) FROM readings WHERE batch_seq = $seq GROUP BY device
                ON CONFLICT (device) DO UPDATE SET observed_ms = max(observed_ms, excluded.observed_ms);
            INSERT INTO batches (seq, created_ms, readings) VALUES ($seq, $created, $count);
            UPDATE counters SET value = $seq + 1 WHERE name = $name;
            """;
        record.Parameters.AddWithValue("$seq", sequence);
        record.Parameters.AddWithValue("$created", createdUnixMs);
        record.Parameters.AddWithValue("$count", readings);
        record.Parameters.AddWithValue("$name", StoreSchema.NextBatchSeq);
        record.ExecuteNonQuery();
        tx.Commit();
        return new PendingBatch(sequence, createdUnixMs, readings);
    }

    /// <summary>Number of batches cut and not yet acknowledged.</summary>
    public int PendingCount()
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM batches";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The pending batch with the lowest sequence, or null.</summary>
    public PendingBatch? Oldest()
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT seq, created_ms, readings FROM batches ORDER BY seq LIMIT 1";
        using var reader = command.ExecuteReader();
        return reader.Read() ? new PendingBatch(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2)) : null;
    }

    /// <summary>In one transaction: deletes an acknowledged batch and everything it carried. Returns the readings deleted.</summary>
    public int Delete(long sequence)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.Parameters.AddWithValue("$seq", sequence);
        StoreUsage.RemoveBatch(connection, tx, sequence);
        command.CommandText = "DELETE FROM readings WHERE batch_seq = $seq";
        var deleted = command.ExecuteNonQuery();
        command.CommandText = "DELETE FROM events WHERE batch_seq = $seq; DELETE FROM gaps WHERE batch_seq = $seq; DELETE FROM batches WHERE seq = $seq";
        command.ExecuteNonQuery();
        tx.Commit();
        return deleted;
    }

    private static string TableOf(PendingItem item) => item.Reading is not null ? "readings" : item.Event is not null ? "events" : "gaps";
}
