using Edge.Uplink;
using Microsoft.Data.Sqlite;

namespace Edge.Gateway.Store;

/// <summary>
/// The store's bookkeeping of batches: which readings wait, which batch each cut reading belongs to, and
/// removal of a batch's readings once the ingest acknowledged it. The batch sequence counter lives in the
/// database, so a sequence is never reused across restarts.
/// </summary>
internal sealed class BatchLedger(GatewayDatabase database)
{
    private const string Columns = "device, seq, channel, unit, mantissa, scale, observed_ms, clock_quality, flags, received_ms, class";

    /// <summary>Counts unbatched readings (up to <paramref name="limit"/>) and finds the oldest one.</summary>
    public UnbatchedSummary Unbatched(int limit)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM (SELECT 1 FROM readings WHERE batch_seq IS NULL LIMIT $limit)),
                   (SELECT MIN(received_ms) FROM readings WHERE batch_seq IS NULL)
            """;
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new UnbatchedSummary(reader.GetInt32(0), reader.IsDBNull(1) ? null : reader.GetInt64(1));
    }

    /// <summary>Up to <paramref name="limit"/> unbatched readings with their row ids, highest class first, then oldest first.</summary>
    public List<(long Id, ReadingRecord Reading)> SelectUnbatched(int limit)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id, {Columns} FROM readings WHERE batch_seq IS NULL ORDER BY class, id LIMIT $limit";
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var rows = new List<(long, ReadingRecord)>();
        while (reader.Read())
        {
            rows.Add((reader.GetInt64(0), ReadRecord(reader, 1)));
        }

        return rows;
    }

    /// <summary>
    /// In one transaction: takes the next batch sequence, assigns the given unbatched rows to it, records the
    /// batch and advances the counter. Returns the new batch.
    /// </summary>
    public PendingBatch Assign(IReadOnlyList<long> rowIds, long createdUnixMs)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction(deferred: false);
        using var next = connection.CreateCommand();
        next.Transaction = tx;
        next.CommandText = "SELECT value FROM counters WHERE name = $name";
        next.Parameters.AddWithValue("$name", StoreSchema.NextBatchSeq);
        var sequence = (long)next.ExecuteScalar()!;

        using var assign = connection.CreateCommand();
        assign.Transaction = tx;
        assign.CommandText = "UPDATE readings SET batch_seq = $seq WHERE id = $id AND batch_seq IS NULL";
        assign.Parameters.AddWithValue("$seq", sequence);
        var id = assign.Parameters.Add("$id", SqliteType.Integer);
        assign.Prepare();
        var assigned = 0;
        foreach (var rowId in rowIds)
        {
            id.Value = rowId;
            assigned += assign.ExecuteNonQuery();
        }

        using var record = connection.CreateCommand();
        record.Transaction = tx;
        record.CommandText = """
            INSERT INTO batches (seq, created_ms, readings) VALUES ($seq, $created, $count);
            UPDATE counters SET value = $seq + 1 WHERE name = $name;
            """;
        record.Parameters.AddWithValue("$seq", sequence);
        record.Parameters.AddWithValue("$created", createdUnixMs);
        record.Parameters.AddWithValue("$count", assigned);
        record.Parameters.AddWithValue("$name", StoreSchema.NextBatchSeq);
        record.ExecuteNonQuery();
        tx.Commit();
        return new PendingBatch(sequence, createdUnixMs, assigned);
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

    /// <summary>The readings of a batch in a stable order (device, channel, unit, seq).</summary>
    public List<ReadingRecord> ReadBatch(long sequence)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM readings WHERE batch_seq = $seq ORDER BY device, channel, unit, seq";
        command.Parameters.AddWithValue("$seq", sequence);
        using var reader = command.ExecuteReader();
        var rows = new List<ReadingRecord>();
        while (reader.Read())
        {
            rows.Add(ReadRecord(reader, 0));
        }

        return rows;
    }

    /// <summary>In one transaction: deletes an acknowledged batch and its readings. Returns the readings deleted.</summary>
    public int Delete(long sequence)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "DELETE FROM readings WHERE batch_seq = $seq";
        command.Parameters.AddWithValue("$seq", sequence);
        var deleted = command.ExecuteNonQuery();
        command.CommandText = "DELETE FROM batches WHERE seq = $seq";
        command.ExecuteNonQuery();
        tx.Commit();
        return deleted;
    }

    private static ReadingRecord ReadRecord(SqliteDataReader r, int o) => new(
        r.GetString(o), r.GetInt64(o + 1), r.GetString(o + 2), r.GetString(o + 3), r.GetInt64(o + 4), r.GetInt32(o + 5),
        r.GetInt64(o + 6), (ClockQuality)r.GetInt32(o + 7), r.GetInt32(o + 8), r.GetInt64(o + 9), (DataClass)r.GetInt32(o + 10));
}
