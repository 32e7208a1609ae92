using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Edge.Ingest.Storage;

/// <summary>The device registry table and the quarantine.</summary>
public sealed partial class SqliteIngestStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredDevice>> GetDevicesAsync(
        IReadOnlyCollection<string>? deviceIds, string? areaCode, CancellationToken cancellationToken)
    {
        await using var db = await OpenReaderAsync(cancellationToken);
        await using var command = db.CreateCommand();
        command.CommandText = """
            SELECT device_id, gateway_id, kind, area_code, document, revision FROM devices
            WHERE ($ids IS NULL OR device_id IN (SELECT value FROM json_each($ids)))
              AND ($area IS NULL OR area_code = $area)
            ORDER BY device_id
            """;
        command.Parameters.AddWithValue("$ids", deviceIds is null ? DBNull.Value : JsonSerializer.Serialize(deviceIds));
        command.Parameters.AddWithValue("$area", (object?)areaCode ?? DBNull.Value);
        var devices = new List<StoredDevice>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            devices.Add(new StoredDevice(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt64(5)));
        }

        return devices;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<long?>> GetDeviceRevisionsAsync(
        IReadOnlyList<string> deviceIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceIds);
        await using var db = await OpenReaderAsync(cancellationToken);
        await using var command = db.CreateCommand();
        command.CommandText = """
            SELECT d.revision FROM json_each($ids) AS u LEFT JOIN devices AS d ON d.device_id = u.value ORDER BY u.key
            """;
        command.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(deviceIds));
        var revisions = new List<long?>(deviceIds.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            revisions.Add(reader.IsDBNull(0) ? null : reader.GetInt64(0));
        }

        return revisions;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DeviceUpsert>> UpsertDevicesAsync(
        IReadOnlyList<DeviceWrite> devices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(devices);
        await EnsureInitializedAsync(cancellationToken);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var db = _writer ?? throw new ObjectDisposedException(nameof(SqliteIngestStore));
            using var transaction = db.BeginTransaction(deferred: false);
            var results = new List<DeviceUpsert>(devices.Count);
            foreach (var write in devices)
            {
                results.Add(UpsertDevice(db, transaction, write));
            }

            transaction.Commit();
            return results;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static DeviceUpsert UpsertDevice(SqliteConnection db, SqliteTransaction transaction, DeviceWrite write)
    {
        var device = write.Device;
        bool created;
        using (var exists = Command(db, transaction, "SELECT 1 FROM devices WHERE device_id = $device"))
        {
            exists.Parameters.AddWithValue("$device", device.DeviceId);
            created = exists.ExecuteScalar() is null;
        }

        using (var upsert = Command(db, transaction, $"""
            UPDATE counters SET value = value + 1 WHERE name = '{SqliteSchema.DeviceRevisionCounter}';
            INSERT INTO devices (device_id, gateway_id, kind, area_code, document, revision)
            VALUES ($device, $gateway, $kind, $area, $document,
                    (SELECT value FROM counters WHERE name = '{SqliteSchema.DeviceRevisionCounter}'))
            ON CONFLICT (device_id) DO UPDATE SET gateway_id = excluded.gateway_id, kind = excluded.kind,
                area_code = excluded.area_code, document = excluded.document, revision = excluded.revision
            """))
        {
            upsert.Parameters.AddWithValue("$device", device.DeviceId);
            upsert.Parameters.AddWithValue("$gateway", device.GatewayId);
            upsert.Parameters.AddWithValue("$kind", device.Kind);
            upsert.Parameters.AddWithValue("$area", device.AreaCode);
            upsert.Parameters.AddWithValue("$document", device.Document);
            upsert.ExecuteNonQuery();
        }

        // Only what the owning gateway sent: a reading another gateway wrote for this id stays in quarantine.
        const string OwnQuarantine = """
            device_id = $device AND quarantined = 1 AND substr(batch_id, 1, length($gateway) + 1) = $gateway || '/'
            """;
        if (write.Release is null)
        {
            using var release = Command(db, transaction, $"UPDATE readings SET quarantined = 0 WHERE {OwnQuarantine}");
            release.Parameters.AddWithValue("$device", device.DeviceId);
            release.Parameters.AddWithValue("$gateway", device.GatewayId);
            return new DeviceUpsert(created, release.ExecuteNonQuery());
        }

        var updates = new List<(long Seq, ReleasedValue Value)>();
        using (var select = Command(db, transaction,
            $"SELECT seq, channel, raw_mantissa, raw_scale, raw_unit FROM readings WHERE {OwnQuarantine}"))
        {
            select.Parameters.AddWithValue("$device", device.DeviceId);
            select.Parameters.AddWithValue("$gateway", device.GatewayId);
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                var value = write.Release(new QuarantinedReading(reader.GetString(1), reader.GetInt64(2), reader.GetInt32(3), reader.GetString(4)));
                if (value is { } released)
                {
                    updates.Add((reader.GetInt64(0), released));
                }
            }
        }

        using var update = Command(db, transaction, """
            UPDATE readings SET quarantined = 0, value = $value, unit = $unit, unit_code = $code
            WHERE device_id = $device AND seq = $seq
            """);
        update.Parameters.AddWithValue("$device", device.DeviceId);
        var seq = update.Parameters.Add("$seq", SqliteType.Integer);
        var valueParameter = update.Parameters.Add("$value", SqliteType.Real);
        var unit = update.Parameters.Add("$unit", SqliteType.Text);
        var code = update.Parameters.Add("$code", SqliteType.Text);
        foreach (var (readingSeq, released) in updates)
        {
            seq.Value = readingSeq;
            valueParameter.Value = released.Value;
            unit.Value = released.Unit;
            code.Value = released.UnitCode;
            update.ExecuteNonQuery();
        }

        return new DeviceUpsert(created, updates.Count);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteDeviceAsync(string deviceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        await EnsureInitializedAsync(cancellationToken);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var db = _writer ?? throw new ObjectDisposedException(nameof(SqliteIngestStore));
            using var command = db.CreateCommand();
            command.CommandText = "DELETE FROM devices WHERE device_id = $device";
            command.Parameters.AddWithValue("$device", deviceId);
            return command.ExecuteNonQuery() == 1;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QuarantinedDevice>> GetQuarantineAsync(CancellationToken cancellationToken)
    {
        await using var db = await OpenReaderAsync(cancellationToken);
        await using var command = db.CreateCommand();
        command.CommandText = """
            SELECT device_id, batch_id, count(*), min(observed_unix_ms), max(observed_unix_ms)
            FROM readings WHERE quarantined = 1
            GROUP BY device_id, batch_id
            """;
        var rows = new List<(string, string, long, long, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
        }

        return QuarantineRows.Merge(rows);
    }
}
