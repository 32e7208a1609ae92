using Edge.Ingest.Normalisation;
using Microsoft.Data.Sqlite;

namespace Edge.Ingest.Storage;

/// <summary>Readings set aside by the checks: kept in <c>rejected_readings</c>, apart from the readings.</summary>
public sealed partial class SqliteIngestStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredRejection>> GetRejectedAsync(
        string? deviceId, long? fromUnixMs, long? toUnixMs, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var db = await OpenReaderAsync(cancellationToken);
        await using var command = db.CreateCommand();

        // Two statements rather than "$device IS NULL OR ...", so that each can use its index.
        var deviceFilter = deviceId is null ? "" : "device_id = $device AND ";
        command.CommandText = $"""
            SELECT device_id, seq, channel, observed_unix_ms, received_unix_ms, clock_quality, flags,
                   raw_mantissa, raw_scale, raw_unit, reason, batch_id
            FROM rejected_readings
            WHERE {deviceFilter}received_unix_ms >= $from AND received_unix_ms < $to
            ORDER BY received_unix_ms DESC, device_id, seq DESC
            LIMIT $limit
            """;
        if (deviceId is not null)
        {
            command.Parameters.AddWithValue("$device", deviceId);
        }

        command.Parameters.AddWithValue("$from", fromUnixMs ?? long.MinValue);
        command.Parameters.AddWithValue("$to", toUnixMs ?? long.MaxValue);
        command.Parameters.AddWithValue("$limit", limit);

        var rejected = new List<StoredRejection>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rejected.Add(new StoredRejection(
                reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4),
                reader.GetString(5), reader.GetInt32(6), reader.GetInt64(7), reader.GetInt32(8), reader.GetString(9),
                reader.GetString(10), reader.GetString(11)));
        }

        return rejected;
    }

    // A reading whose (device, seq) is already stored as a reading, or already set aside, is a duplicate: the first
    // copy wins, as for readings. Returns the readings newly set aside.
    private static List<RejectedReading> InsertRejected(SqliteConnection db, SqliteTransaction transaction, BatchWrite batch)
    {
        var setAside = new List<RejectedReading>();
        if (batch.Rejected.Count == 0)
        {
            return setAside;
        }

        using var command = Command(db, transaction, """
            INSERT OR IGNORE INTO rejected_readings (device_id, seq, channel, observed_unix_ms, received_unix_ms,
                clock_quality, flags, raw_mantissa, raw_scale, raw_unit, reason, batch_id)
            SELECT $device, $seq, $channel, $observed, $received, $quality, $flags, $mantissa, $scale, $rawUnit,
                $reason, $batch
            WHERE NOT EXISTS (SELECT 1 FROM readings WHERE device_id = $device AND seq = $seq)
            """);
        var p = command.Parameters;
        var device = p.Add("$device", SqliteType.Text);
        var seq = p.Add("$seq", SqliteType.Integer);
        var channel = p.Add("$channel", SqliteType.Text);
        var observed = p.Add("$observed", SqliteType.Integer);
        var quality = p.Add("$quality", SqliteType.Text);
        var flags = p.Add("$flags", SqliteType.Integer);
        var mantissa = p.Add("$mantissa", SqliteType.Integer);
        var scale = p.Add("$scale", SqliteType.Integer);
        var rawUnit = p.Add("$rawUnit", SqliteType.Text);
        var reason = p.Add("$reason", SqliteType.Text);
        p.AddWithValue("$received", batch.ReceivedUnixMs);
        p.AddWithValue("$batch", batch.BatchId);
        command.Prepare();

        foreach (var rejected in batch.Rejected)
        {
            device.Value = rejected.DeviceId;
            seq.Value = rejected.Seq;
            channel.Value = rejected.Channel;
            observed.Value = rejected.ObservedUnixMs;
            quality.Value = rejected.ClockQuality;
            flags.Value = rejected.Flags;
            mantissa.Value = rejected.RawMantissa;
            scale.Value = rejected.RawScale;
            rawUnit.Value = rejected.RawUnit;
            reason.Value = rejected.Reason;
            if (command.ExecuteNonQuery() == 1)
            {
                setAside.Add(rejected);
            }
        }

        return setAside;
    }
}
