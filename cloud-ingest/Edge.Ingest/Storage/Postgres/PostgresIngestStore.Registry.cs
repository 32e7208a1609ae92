using Npgsql;
using NpgsqlTypes;

namespace Edge.Ingest.Storage.Postgres;

/// <summary>The device registry table and the quarantine.</summary>
public sealed partial class PostgresIngestStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<StoredDevice>> GetDevicesAsync(
        IReadOnlyCollection<string>? deviceIds, string? areaCode, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await using var command = _dataSource.CreateCommand("""
            SELECT device_id, gateway_id, kind, area_code, document::text FROM devices
            WHERE ($1::text[] IS NULL OR device_id = ANY($1)) AND ($2::text IS NULL OR area_code = $2)
            ORDER BY device_id COLLATE "C"
            """);
        command.Parameters.Add(new NpgsqlParameter
        {
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text,
            Value = deviceIds is null ? DBNull.Value : deviceIds.ToArray(),
        });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)areaCode ?? DBNull.Value });
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
        await using var db = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);

        // xmax = 0 only on a row this statement inserted (an updated row carries the updating transaction's id).
        await using var upsert = new NpgsqlCommand("""
            INSERT INTO devices (device_id, gateway_id, kind, area_code, document)
            VALUES ($1, $2, $3, $4, $5::jsonb)
            ON CONFLICT (device_id) DO UPDATE SET gateway_id = excluded.gateway_id, kind = excluded.kind,
                area_code = excluded.area_code, document = excluded.document
            RETURNING xmax = 0
            """, db, transaction);
        upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = device.DeviceId });
        upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = device.GatewayId });
        upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = device.Kind });
        upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = device.AreaCode });
        upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = device.Document });
        var created = (bool)(await upsert.ExecuteScalarAsync(cancellationToken))!;

        // Only what the owning gateway sent: a reading another gateway wrote for this id stays in quarantine.
        await using var release = new NpgsqlCommand("""
            UPDATE readings SET quarantined = false
            WHERE device_id = $1 AND quarantined AND left(batch_id, length($2) + 1) = $2 || '/'
            """, db, transaction);
        release.Parameters.Add(new NpgsqlParameter<string> { TypedValue = device.DeviceId });
        release.Parameters.Add(new NpgsqlParameter<string> { TypedValue = device.GatewayId });
        var released = await release.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DeviceUpsert(created, released);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteDeviceAsync(string deviceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        await EnsureInitializedAsync(cancellationToken);
        await using var command = _dataSource.CreateCommand("DELETE FROM devices WHERE device_id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = deviceId });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<QuarantinedDevice>> GetQuarantineAsync(CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await using var command = _dataSource.CreateCommand("""
            SELECT device_id, batch_id, count(*), min(observed_unix_ms), max(observed_unix_ms)
            FROM readings WHERE quarantined
            GROUP BY device_id, batch_id
            """);
        var rows = new List<(string, string, long, long, long)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4)));
        }

        return QuarantineRows.Merge(rows);
    }
}
