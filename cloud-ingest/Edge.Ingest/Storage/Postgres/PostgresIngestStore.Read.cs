using System.Data;
using Npgsql;

namespace Edge.Ingest.Storage.Postgres;

/// <summary>Reading queries.</summary>
public sealed partial class PostgresIngestStore
{
    /// <inheritdoc />
    public Task<IReadOnlyList<StoredReading>?> GetReadingsAsync(
        string deviceId, long? fromUnixMs, long? toUnixMs, CancellationToken cancellationToken) =>
        GetReadingsPageAsync(deviceId, fromUnixMs, toUnixMs, ReadingPage.All, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredReading>?> GetReadingsPageAsync(
        string deviceId, long? fromUnixMs, long? toUnixMs, ReadingPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        ArgumentNullException.ThrowIfNull(page);
        await EnsureInitializedAsync(cancellationToken);
        await using var db = await _dataSource.OpenConnectionAsync(cancellationToken);

        // One snapshot for the existence check and the query. The check asks reading_blocks, one index probe, rather
        // than every partition of readings.
        await using var transaction = await db.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using (var probe = new NpgsqlCommand("SELECT 1 FROM reading_blocks WHERE device_id = $1 LIMIT 1", db, transaction))
        {
            probe.Parameters.Add(new NpgsqlParameter<string> { TypedValue = deviceId });
            if (await probe.ExecuteScalarAsync(cancellationToken) is null)
            {
                return null;
            }
        }

        // The bounds prune partitions at execution; within one, the key (device_id, observed_unix_ms, seq) is the order.
        await using var command = new NpgsqlCommand("""
            SELECT seq, channel, observed_unix_ms, received_unix_ms, clock_quality, flags, value, unit, unit_code,
                   raw_mantissa, raw_scale, raw_unit, batch_id, device_unix_ms, quarantined
            FROM readings
            WHERE device_id = $1 AND observed_unix_ms >= $2 AND observed_unix_ms < $3
              AND (observed_unix_ms, seq) > ($4, $5)
            ORDER BY observed_unix_ms, seq
            LIMIT $6
            """, db, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = deviceId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fromUnixMs ?? long.MinValue });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = toUnixMs ?? long.MaxValue });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = page.AfterObservedUnixMs ?? long.MinValue });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = page.AfterObservedUnixMs is null ? long.MinValue : page.AfterSeq });
        command.Parameters.Add(new NpgsqlParameter<long?> { TypedValue = page.Limit }); // PostgreSQL: LIMIT NULL is no limit

        var readings = new List<StoredReading>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            readings.Add(new StoredReading(
                reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetString(4),
                reader.GetInt32(5), reader.GetDouble(6), reader.GetString(7), reader.GetString(8), reader.GetInt64(9),
                reader.GetInt32(10), reader.GetString(11), reader.GetString(12), reader.IsDBNull(13) ? null : reader.GetInt64(13),
                reader.GetBoolean(14)));
        }

        return readings;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AlarmReading>> GetAlarmReadingsAsync(
        IReadOnlyCollection<string> deviceIds, long fromUnixMs, long? toUnixMs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceIds);
        var rows = new List<AlarmReading>();
        if (deviceIds.Count == 0)
        {
            return rows;
        }

        await EnsureInitializedAsync(cancellationToken);
        await using var db = await _dataSource.OpenConnectionAsync(cancellationToken);

        // The bounds prune partitions; within one, the key (device_id, observed_unix_ms, seq) serves each id. COLLATE "C"
        // orders ids byte-wise, which for UTF-8 is the ordinal order the caller groups by.
        await using var command = new NpgsqlCommand("""
            SELECT device_id, channel, observed_unix_ms, received_unix_ms, flags, value, unit
            FROM readings
            WHERE device_id = ANY($1) AND observed_unix_ms >= $2 AND observed_unix_ms < $3 AND NOT quarantined
            ORDER BY device_id COLLATE "C", observed_unix_ms, seq
            """, db);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. deviceIds] });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = fromUnixMs });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = toUnixMs ?? long.MaxValue });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new AlarmReading(
                reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt32(4),
                reader.GetDouble(5), reader.GetString(6)));
        }

        return rows;
    }
}
