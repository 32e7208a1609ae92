using System.Text.Json;

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
            SELECT device_id, gateway_id, kind, area_code, document FROM devices
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
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        }

        return devices;
    }

    /// <inheritdoc />
    public async Task<DeviceUpsert> UpsertDeviceAsync(StoredDevice device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        await EnsureInitializedAsync(cancellationToken);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            var db = _writer ?? throw new ObjectDisposedException(nameof(SqliteIngestStore));
            using var transaction = db.BeginTransaction(deferred: false);
            bool created;
            using (var exists = Command(db, transaction, "SELECT 1 FROM devices WHERE device_id = $device"))
            {
                exists.Parameters.AddWithValue("$device", device.DeviceId);
                created = exists.ExecuteScalar() is null;
            }

            using (var upsert = Command(db, transaction, """
                INSERT INTO devices (device_id, gateway_id, kind, area_code, document)
                VALUES ($device, $gateway, $kind, $area, $document)
                ON CONFLICT (device_id) DO UPDATE SET gateway_id = excluded.gateway_id, kind = excluded.kind,
                    area_code = excluded.area_code, document = excluded.document
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
            using var release = Command(db, transaction, """
                UPDATE readings SET quarantined = 0
                WHERE device_id = $device AND quarantined = 1
                  AND substr(batch_id, 1, length($gateway) + 1) = $gateway || '/'
                """);
            release.Parameters.AddWithValue("$device", device.DeviceId);
            release.Parameters.AddWithValue("$gateway", device.GatewayId);
            var released = release.ExecuteNonQuery();
            transaction.Commit();
            return new DeviceUpsert(created, released);
        }
        finally
        {
            _writeLock.Release();
        }
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
