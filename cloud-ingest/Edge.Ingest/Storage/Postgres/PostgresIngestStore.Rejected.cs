using Edge.Ingest.Normalisation;
using Npgsql;

namespace Edge.Ingest.Storage.Postgres;

/// <summary>Readings set aside by the checks: kept in <c>rejected_readings</c>, apart from the readings.</summary>
public sealed partial class PostgresIngestStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredRejection>> GetRejectedAsync(
        string? deviceId, long? fromUnixMs, long? toUnixMs, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await EnsureInitializedAsync(cancellationToken);

        // Two statements rather than "$4 IS NULL OR ...", so that each can use its index.
        var deviceFilter = deviceId is null ? "" : "device_id = $4 AND ";
        await using var command = _dataSource.CreateCommand($"""
            SELECT device_id, seq, channel, observed_unix_ms, received_unix_ms, clock_quality, flags,
                   raw_mantissa, raw_scale, raw_unit, reason, batch_id
            FROM rejected_readings
            WHERE {deviceFilter}received_unix_ms >= $1 AND received_unix_ms < $2
            ORDER BY received_unix_ms DESC, device_id, seq DESC
            LIMIT $3
            """);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fromUnixMs ?? long.MinValue });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = toUnixMs ?? long.MaxValue });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        if (deviceId is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = deviceId });
        }

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

    // A reading whose (device, seq) is already stored as a reading, or already set aside, is a duplicate: the first copy
    // wins, as for readings. Returns the readings newly set aside, in batch order. Rejections are few, so they travel
    // as arrays in one statement rather than by COPY.
    private static async Task<List<RejectedReading>> InsertRejectedAsync(
        NpgsqlConnection db, NpgsqlTransaction transaction, BatchWrite batch, IReadOnlyList<RejectedReading> rejected,
        CancellationToken cancellationToken)
    {
        if (rejected.Count == 0)
        {
            return [];
        }

        await using var command = new NpgsqlCommand("""
            INSERT INTO rejected_readings (device_id, seq, channel, observed_unix_ms, received_unix_ms, clock_quality,
                flags, raw_mantissa, raw_scale, raw_unit, reason, batch_id)
            SELECT r.device_id, r.seq, r.channel, r.observed_unix_ms, $1, r.clock_quality,
                r.flags, r.raw_mantissa, r.raw_scale, r.raw_unit, r.reason, $2
            FROM unnest($3::text[], $4::bigint[], $5::text[], $6::bigint[], $7::text[], $8::int[], $9::bigint[],
                        $10::int[], $11::text[], $12::text[])
                AS r(device_id, seq, channel, observed_unix_ms, clock_quality, flags, raw_mantissa, raw_scale, raw_unit, reason)
            WHERE NOT EXISTS (SELECT 1 FROM reading_blocks k WHERE k.device_id = r.device_id AND k.block = r.seq >> 6
                              AND k.bits & (1::bigint << (r.seq & 63)::int) <> 0)
            ORDER BY r.device_id, r.seq
            ON CONFLICT (device_id, seq) DO NOTHING
            RETURNING device_id, seq
            """, db, transaction);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<long> { TypedValue = batch.ReceivedUnixMs });
        p.Add(new NpgsqlParameter<string> { TypedValue = batch.BatchId });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rejected.Select(r => r.DeviceId)] });
        p.Add(new NpgsqlParameter<long[]> { TypedValue = [.. rejected.Select(r => r.Seq)] });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rejected.Select(r => r.Channel)] });
        p.Add(new NpgsqlParameter<long[]> { TypedValue = [.. rejected.Select(r => r.ObservedUnixMs)] });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rejected.Select(r => r.ClockQuality)] });
        p.Add(new NpgsqlParameter<int[]> { TypedValue = [.. rejected.Select(r => r.Flags)] });
        p.Add(new NpgsqlParameter<long[]> { TypedValue = [.. rejected.Select(r => r.RawMantissa)] });
        p.Add(new NpgsqlParameter<int[]> { TypedValue = [.. rejected.Select(r => r.RawScale)] });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rejected.Select(r => r.RawUnit)] });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = [.. rejected.Select(r => r.Reason)] });

        var inserted = new HashSet<(string, long)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                inserted.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }

        return [.. rejected.Where(r => inserted.Contains((r.DeviceId, r.Seq)))];
    }
}
