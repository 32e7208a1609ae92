using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Edge.Ingest.Storage;

/// <summary>
/// Batch writes: exactly-once by batch id and by (device, seq), in one transaction together with the readings the
/// checks set aside.
/// </summary>
public sealed partial class SqliteIngestStore
{
    /// <inheritdoc />
    public async Task<StoreBatchOutcome> StoreBatchAsync(BatchWrite batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await EnsureInitializedAsync(cancellationToken);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            return Write(_writer ?? throw new ObjectDisposedException(nameof(SqliteIngestStore)), batch);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static StoreBatchOutcome Write(SqliteConnection db, BatchWrite batch)
    {
        // BEGIN IMMEDIATE: the check for a known batch and the inserts are atomic even against another process.
        using var transaction = db.BeginTransaction(deferred: false);
        if (BatchExists(db, transaction, batch))
        {
            AddToCounter(db, transaction, SqliteSchema.DuplicateBatchesCounter, 1);
            transaction.Commit();
            return new StoreBatchOutcome(Duplicate: true, Stored: 0, Duplicates: 0, SetAside: []);
        }

        // Good readings first: a bad copy of a (device, seq) that the same batch also carries good is a duplicate.
        var stored = InsertReadings(db, transaction, batch);
        var setAside = InsertRejected(db, transaction, batch);
        var duplicates = batch.Readings.Count - stored + batch.Rejected.Count - setAside.Count;
        InsertEvents(db, transaction, batch);
        InsertGaps(db, transaction, batch);
        InsertBatch(db, transaction, batch, stored, duplicates, setAside.Count);
        AddToCounter(db, transaction, SqliteSchema.BatchesCounter, 1);
        AddToCounter(db, transaction, SqliteSchema.ReadingsCounter, stored);
        AddToCounter(db, transaction, SqliteSchema.DuplicateReadingsCounter, duplicates);
        AddToCounter(db, transaction, SqliteSchema.RejectedReadingsCounter, setAside.Count);
        transaction.Commit();
        return new StoreBatchOutcome(Duplicate: false, stored, duplicates, setAside);
    }

    private static bool BatchExists(SqliteConnection db, SqliteTransaction transaction, BatchWrite batch)
    {
        using var command = Command(db, transaction, "SELECT 1 FROM batches WHERE gateway_id = $gateway AND seq = $seq");
        command.Parameters.AddWithValue("$gateway", batch.GatewayId);
        command.Parameters.AddWithValue("$seq", batch.Sequence);
        return command.ExecuteScalar() is not null;
    }

    private static int InsertReadings(SqliteConnection db, SqliteTransaction transaction, BatchWrite batch)
    {
        using var command = Command(db, transaction, """
            INSERT OR IGNORE INTO readings (device_id, seq, channel, observed_unix_ms, received_unix_ms, clock_quality,
                flags, value, unit, unit_code, raw_mantissa, raw_scale, raw_unit, batch_id, device_unix_ms, quarantined)
            VALUES ($device, $seq, $channel, $observed, $received, $quality,
                $flags, $value, $unit, $code, $mantissa, $scale, $rawUnit, $batch, $deviceTime, $quarantined)
            """);
        var p = command.Parameters;
        var device = p.Add("$device", SqliteType.Text);
        var seq = p.Add("$seq", SqliteType.Integer);
        var channel = p.Add("$channel", SqliteType.Text);
        var observed = p.Add("$observed", SqliteType.Integer);
        var quality = p.Add("$quality", SqliteType.Text);
        var flags = p.Add("$flags", SqliteType.Integer);
        var value = p.Add("$value", SqliteType.Real);
        var unit = p.Add("$unit", SqliteType.Text);
        var code = p.Add("$code", SqliteType.Text);
        var mantissa = p.Add("$mantissa", SqliteType.Integer);
        var scale = p.Add("$scale", SqliteType.Integer);
        var rawUnit = p.Add("$rawUnit", SqliteType.Text);
        var deviceTime = p.Add("$deviceTime", SqliteType.Integer);
        var quarantined = p.Add("$quarantined", SqliteType.Integer);
        p.AddWithValue("$received", batch.ReceivedUnixMs);
        p.AddWithValue("$batch", batch.BatchId);
        command.Prepare();

        var stored = 0;
        foreach (var reading in batch.Readings)
        {
            device.Value = reading.DeviceId;
            seq.Value = reading.Seq;
            channel.Value = reading.Channel;
            observed.Value = reading.ObservedUnixMs;
            quality.Value = reading.ClockQuality;
            flags.Value = reading.Flags;
            value.Value = reading.Value;
            unit.Value = reading.Unit;
            code.Value = reading.UnitCode;
            mantissa.Value = reading.RawMantissa;
            scale.Value = reading.RawScale;
            rawUnit.Value = reading.RawUnit;
            deviceTime.Value = reading.DeviceUnixMs is { } deviceMs ? deviceMs : DBNull.Value;
            quarantined.Value = reading.Quarantined ? 1 : 0;
            stored += command.ExecuteNonQuery();
        }

        return stored;
    }

    private static void InsertEvents(SqliteConnection db, SqliteTransaction transaction, BatchWrite batch)
    {
        foreach (var e in batch.Events)
        {
            using var command = Command(db, transaction, """
                INSERT INTO events (batch_id, device_id, observed_unix_ms, kind, detail)
                VALUES ($batch, $device, $observed, $kind, $detail)
                """);
            command.Parameters.AddWithValue("$batch", batch.BatchId);
            command.Parameters.AddWithValue("$device", e.DeviceId);
            command.Parameters.AddWithValue("$observed", e.ObservedUnixMs);
            command.Parameters.AddWithValue("$kind", e.Kind);
            command.Parameters.AddWithValue("$detail", (object?)e.Detail ?? DBNull.Value);
            command.ExecuteNonQuery();
        }
    }

    private static void InsertGaps(SqliteConnection db, SqliteTransaction transaction, BatchWrite batch)
    {
        foreach (var gap in batch.Gaps)
        {
            using var command = Command(db, transaction, """
                INSERT INTO gaps (batch_id, device_ids, from_unix_ms, to_unix_ms, count, reason)
                VALUES ($batch, $devices, $from, $to, $count, $reason)
                """);
            command.Parameters.AddWithValue("$batch", batch.BatchId);
            command.Parameters.AddWithValue("$devices", JsonSerializer.Serialize(gap.DeviceIds));
            command.Parameters.AddWithValue("$from", gap.FromUnixMs);
            command.Parameters.AddWithValue("$to", gap.ToUnixMs);
            command.Parameters.AddWithValue("$count", gap.Count);
            command.Parameters.AddWithValue("$reason", gap.Reason);
            command.ExecuteNonQuery();
        }
    }

    private static void InsertBatch(
        SqliteConnection db, SqliteTransaction transaction, BatchWrite batch, int stored, int duplicates, int rejected)
    {
        using var command = Command(db, transaction, """
            INSERT INTO batches (gateway_id, seq, created_unix_ms, received_unix_ms, reading_count, stored_count,
                duplicate_count, rejected_count)
            VALUES ($gateway, $seq, $created, $received, $count, $stored, $duplicates, $rejected)
            """);
        command.Parameters.AddWithValue("$gateway", batch.GatewayId);
        command.Parameters.AddWithValue("$seq", batch.Sequence);
        command.Parameters.AddWithValue("$created", batch.CreatedUnixMs);
        command.Parameters.AddWithValue("$received", batch.ReceivedUnixMs);
        command.Parameters.AddWithValue("$count", batch.Readings.Count + batch.Rejected.Count);
        command.Parameters.AddWithValue("$stored", stored);
        command.Parameters.AddWithValue("$duplicates", duplicates);
        command.Parameters.AddWithValue("$rejected", rejected);
        command.ExecuteNonQuery();
    }

    private static void AddToCounter(SqliteConnection db, SqliteTransaction transaction, string name, long amount)
    {
        using var command = Command(db, transaction, "UPDATE counters SET value = value + $amount WHERE name = $name");
        command.Parameters.AddWithValue("$amount", amount);
        command.Parameters.AddWithValue("$name", name);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection db, SqliteTransaction transaction, string sql)
    {
        var command = db.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
