using System.Text.Json;
using Npgsql;

namespace Edge.Ingest.Storage.Postgres;

/// <summary>
/// Batch writes. One transaction per batch: claim the batch key, claim the readings' keys in <c>reading_blocks</c> and
/// COPY the readings of the keys claimed into <c>readings</c>, set aside the rejected, add events, gaps and counters,
/// commit.
/// </summary>
public sealed partial class PostgresIngestStore
{
    // A deadlock between two batches that carry the same readings in different order, or a serialization failure, is
    // resolved by running the loser again: its transaction left nothing behind.
    private const int MaxAttempts = 3;

    /// <inheritdoc />
    public async Task<StoreBatchOutcome> StoreBatchAsync(BatchWrite batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await EnsureInitializedAsync(cancellationToken);
        await _partitions.EnsureAsync(_dataSource, batch.Readings.Select(r => r.ObservedUnixMs), cancellationToken);

        // Later copies of a (device, seq) in the same batch are duplicates, as in SQLite where the first insert wins.
        // Key order: concurrent batches that overlap then claim their keys in the same order (fewer deadlocks).
        var readings = FirstCopiesInKeyOrder(batch.Readings);
        var rejected = FirstCopies(batch.Rejected, r => (r.DeviceId, r.Seq));
        var fast = true;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteAsync(batch, readings, rejected, fast, cancellationToken);
            }
            catch (KnownKeyException) when (fast)
            {
                // A reading of the batch is known (or a concurrent batch just stored it): the whole transaction was
                // rolled back; write it again on the path that sorts out the duplicates.
                fast = false;
            }
            catch (PostgresException ex) when (attempt < MaxAttempts && ex.SqlState is
                PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure)
            {
                // Try again (see MaxAttempts).
            }
        }
    }

    private async Task<StoreBatchOutcome> WriteAsync(
        BatchWrite batch, IReadOnlyList<Normalisation.NormalisedReading> readings,
        IReadOnlyList<Normalisation.RejectedReading> rejected, bool fast, CancellationToken cancellationToken)
    {
        await using var db = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        if (!await ClaimBatchAsync(db, transaction, batch, cancellationToken))
        {
            await using var counter = new NpgsqlCommand(
                "UPDATE ingest_counters SET duplicate_batches = duplicate_batches + 1 WHERE shard = pg_backend_pid() % $1",
                db, transaction);
            counter.Parameters.Add(new NpgsqlParameter<int> { TypedValue = PostgresSchema.CounterShards });
            await counter.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new StoreBatchOutcome(Duplicate: true, Stored: 0, Duplicates: 0, SetAside: []);
        }

        // Good readings first: a bad copy of a (device, seq) that the same batch also carries good is a duplicate.
        var stored = readings.Count == 0 ? 0 : await WriteReadingsAsync(db, transaction, batch, readings, fast, cancellationToken);
        var setAside = await InsertRejectedAsync(db, transaction, batch, rejected, cancellationToken);
        var duplicates = batch.Readings.Count - stored + batch.Rejected.Count - setAside.Count;
        await FinishBatchAsync(db, transaction, batch, stored, duplicates, setAside.Count, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StoreBatchOutcome(Duplicate: false, stored, duplicates, setAside);
    }

    // The batch key insert is the lock that makes concurrent posts of one batch store it once: under read committed a
    // second transaction inserting the same key waits for the first to commit, then conflicts and does nothing (or
    // inserts, when the first rolled back).
    private static async Task<bool> ClaimBatchAsync(
        NpgsqlConnection db, NpgsqlTransaction transaction, BatchWrite batch, CancellationToken cancellationToken)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO batches (gateway_id, seq, created_unix_ms, received_unix_ms, reading_count)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT DO NOTHING
            """, db, transaction);
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = batch.GatewayId });
        insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = batch.Sequence });
        insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = batch.CreatedUnixMs });
        insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = batch.ReceivedUnixMs });
        insert.Parameters.Add(new NpgsqlParameter<int> { TypedValue = batch.Readings.Count + batch.Rejected.Count });
        return await insert.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    // One round trip: the batch's counts, its events and gaps, the counters.
    private static async Task FinishBatchAsync(
        NpgsqlConnection db, NpgsqlTransaction transaction, BatchWrite batch, int stored, int duplicates, int rejected,
        CancellationToken cancellationToken)
    {
        await using var finish = new NpgsqlBatch(db, transaction);
        finish.BatchCommands.Add(Command(
            "UPDATE batches SET stored_count = $3, duplicate_count = $4, rejected_count = $5 WHERE gateway_id = $1 AND seq = $2",
            batch.GatewayId, batch.Sequence, stored, duplicates, rejected));
        if (batch.Events.Count > 0)
        {
            finish.BatchCommands.Add(Command(
                """
                INSERT INTO events (batch_id, device_id, observed_unix_ms, kind, detail)
                SELECT $1, e.device_id, e.observed_unix_ms, e.kind, e.detail
                FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[]) AS e(device_id, observed_unix_ms, kind, detail)
                """,
                batch.BatchId, batch.Events.Select(e => e.DeviceId).ToArray(),
                batch.Events.Select(e => e.ObservedUnixMs).ToArray(), batch.Events.Select(e => e.Kind).ToArray(),
                batch.Events.Select(e => e.Detail).ToArray()));
        }

        if (batch.Gaps.Count > 0)
        {
            finish.BatchCommands.Add(Command(
                """
                INSERT INTO gaps (batch_id, device_ids, from_unix_ms, to_unix_ms, count, reason)
                SELECT $1, g.device_ids::jsonb, g.from_unix_ms, g.to_unix_ms, g.count, g.reason
                FROM unnest($2::text[], $3::bigint[], $4::bigint[], $5::bigint[], $6::text[])
                    AS g(device_ids, from_unix_ms, to_unix_ms, count, reason)
                """,
                batch.BatchId, batch.Gaps.Select(g => JsonSerializer.Serialize(g.DeviceIds)).ToArray(),
                batch.Gaps.Select(g => g.FromUnixMs).ToArray(), batch.Gaps.Select(g => g.ToUnixMs).ToArray(),
                batch.Gaps.Select(g => g.Count).ToArray(), batch.Gaps.Select(g => g.Reason).ToArray()));
        }

        finish.BatchCommands.Add(Command(
            """
            UPDATE ingest_counters SET batches = batches + 1, readings = readings + $2,
                duplicate_readings = duplicate_readings + $3, rejected_readings = rejected_readings + $4
            WHERE shard = pg_backend_pid() % $1
            """,
            PostgresSchema.CounterShards, (long)stored, (long)duplicates, (long)rejected));
        await finish.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    // Sorted by key, stably (the first copy of a key stays first), then only the first of equal keys kept. Gateways send
    // each device's readings together and in seq order, so this is mostly one pass that finds the batch sorted already.
    private static List<Normalisation.NormalisedReading> FirstCopiesInKeyOrder(IReadOnlyList<Normalisation.NormalisedReading> readings)
    {
        static int Compare(Normalisation.NormalisedReading a, Normalisation.NormalisedReading b)
        {
            var byDevice = string.CompareOrdinal(a.DeviceId, b.DeviceId);
            return byDevice != 0 ? byDevice : a.Seq.CompareTo(b.Seq);
        }

        IReadOnlyList<Normalisation.NormalisedReading> sorted = readings;
        for (var i = 1; i < readings.Count; i++)
        {
            if (Compare(readings[i - 1], readings[i]) > 0)
            {
                sorted = [.. readings.OrderBy(r => r, Comparer<Normalisation.NormalisedReading>.Create(Compare))];
                break;
            }
        }

        var firsts = new List<Normalisation.NormalisedReading>(sorted.Count);
        for (var i = 0; i < sorted.Count; i++)
        {
            if (i == 0 || Compare(sorted[i - 1], sorted[i]) != 0)
            {
                firsts.Add(sorted[i]);
            }
        }

        return firsts;
    }

    private static List<T> FirstCopies<T>(IReadOnlyList<T> items, Func<T, (string, long)> key)
    {
        var seen = new HashSet<(string, long)>(items.Count);
        var firsts = new List<T>(items.Count);
        foreach (var item in items)
        {
            if (seen.Add(key(item)))
            {
                firsts.Add(item);
            }
        }

        return firsts;
    }
}
