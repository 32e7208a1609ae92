namespace Edge.Ingest.Storage;

/// <summary>Reading queries.</summary>
public sealed partial class SqliteIngestStore
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
        await using var db = await OpenReaderAsync(cancellationToken);

        // One deferred (read) transaction: the existence check and the query see the same snapshot.
        using var transaction = db.BeginTransaction(deferred: true);
        await using (var probe = db.CreateCommand())
        {
            probe.Transaction = transaction;
            probe.CommandText = "SELECT 1 FROM readings WHERE device_id = $device LIMIT 1";
            probe.Parameters.AddWithValue("$device", deviceId);
            if (await probe.ExecuteScalarAsync(cancellationToken) is null)
            {
                return null;
            }
        }

        await using var command = db.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT seq, channel, observed_unix_ms, received_unix_ms, clock_quality, flags, value, unit, unit_code,
                   raw_mantissa, raw_scale, raw_unit, batch_id, device_unix_ms, quarantined
            FROM readings
            WHERE device_id = $device AND observed_unix_ms >= $from AND observed_unix_ms < $to
              AND (observed_unix_ms, seq) > ($afterObserved, $afterSeq)
            ORDER BY observed_unix_ms, seq
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$device", deviceId);
        command.Parameters.AddWithValue("$from", fromUnixMs ?? long.MinValue);
        command.Parameters.AddWithValue("$to", toUnixMs ?? long.MaxValue);
        command.Parameters.AddWithValue("$afterObserved", page.AfterObservedUnixMs ?? long.MinValue);
        command.Parameters.AddWithValue("$afterSeq", page.AfterObservedUnixMs is null ? long.MinValue : page.AfterSeq);
        command.Parameters.AddWithValue("$limit", page.Limit ?? -1); // SQLite: a negative LIMIT is no limit

        var readings = new List<StoredReading>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            readings.Add(new StoredReading(
                reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetString(4),
                reader.GetInt32(5), reader.GetDouble(6), reader.GetString(7), reader.GetString(8), reader.GetInt64(9),
                reader.GetInt32(10), reader.GetString(11), reader.GetString(12), reader.IsDBNull(13) ? null : reader.GetInt64(13),
                reader.GetInt64(14) != 0));
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

        await using var db = await OpenReaderAsync(cancellationToken);
        await using var command = db.CreateCommand();

        // One device (the worker's usual case) is a plain range scan of readings_by_device_time; several walk the same
        // index once per id. Ordinal device order (BINARY collation) is the order the caller groups by.
        var devices = deviceIds.Count == 1 ? "device_id = $device" : "device_id IN (SELECT value FROM json_each($ids))";
        command.CommandText = $"""
            SELECT device_id, channel, observed_unix_ms, received_unix_ms, flags, value, unit
            FROM readings
            WHERE {devices} AND observed_unix_ms >= $from AND observed_unix_ms < $to AND quarantined = 0
            ORDER BY device_id, observed_unix_ms, seq
            """;
        if (deviceIds.Count == 1)
        {
            command.Parameters.AddWithValue("$device", deviceIds.First());
        }
        else
        {
            command.Parameters.AddWithValue("$ids", System.Text.Json.JsonSerializer.Serialize(deviceIds));
        }

        command.Parameters.AddWithValue("$from", fromUnixMs);
        command.Parameters.AddWithValue("$to", toUnixMs ?? long.MaxValue);
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
