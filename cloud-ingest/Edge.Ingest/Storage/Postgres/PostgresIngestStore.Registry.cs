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
            SELECT device_id, gateway_id, kind, area_code, document::text, revision FROM devices
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
        await EnsureInitializedAsync(cancellationToken);
        await using var command = _dataSource.CreateCommand("""
            SELECT d.revision FROM unnest($1::text[]) WITH ORDINALITY AS u(device_id, n)
            LEFT JOIN devices d ON d.device_id = u.device_id
            ORDER BY u.n
            """);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. deviceIds] });
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
        await using var db = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.BeginTransactionAsync(cancellationToken);
        var results = new List<DeviceUpsert>(devices.Count);
        foreach (var write in devices)
        {
            results.Add(await UpsertDeviceAsync(db, transaction, write, cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    private static async Task<DeviceUpsert> UpsertDeviceAsync(
        NpgsqlConnection db, NpgsqlTransaction transaction, DeviceWrite write, CancellationToken cancellationToken)
    {
        var device = write.Device;

        // Only what the owning gateway sent: a reading another gateway wrote for this id stays in quarantine.
        const string OwnQuarantine = "device_id = $1 AND quarantined AND left(batch_id, length($2) + 1) = $2 || '/'";

        // One round trip: the upsert (xmax = 0 only on a row this statement inserted; an updated row carries the
        // updating transaction's id) and the device's quarantine, released at once or read to be normalised again.
        await using var batch = new NpgsqlBatch(db, transaction);
        var upsert = new NpgsqlBatchCommand("""
            INSERT INTO devices (device_id, gateway_id, kind, area_code, document)
            VALUES ($1, $2, $3, $4, $5::jsonb)
            ON CONFLICT (device_id) DO UPDATE SET gateway_id = excluded.gateway_id, kind = excluded.kind,
                area_code = excluded.area_code, document = excluded.document, revision = nextval('device_revisions')
            RETURNING xmax = 0
            """);
        upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = device.DeviceId });
        upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = device.GatewayId });
        upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = device.Kind });
        upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = device.AreaCode });
        upsert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = device.Document });
        batch.BatchCommands.Add(upsert);
        var quarantine = new NpgsqlBatchCommand(write.Release is null
            ? $"UPDATE readings SET quarantined = false WHERE {OwnQuarantine}"
            : $"SELECT seq, observed_unix_ms, channel, raw_mantissa, raw_scale, raw_unit FROM readings WHERE {OwnQuarantine}");
        quarantine.Parameters.Add(new NpgsqlParameter<string> { TypedValue = device.DeviceId });
        quarantine.Parameters.Add(new NpgsqlParameter<string> { TypedValue = device.GatewayId });
        batch.BatchCommands.Add(quarantine);

        bool created;
        var seqs = new List<long>();
        var observed = new List<long>();
        var values = new List<double>();
        var units = new List<string>();
        var codes = new List<string>();
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            created = reader.GetBoolean(0);
            await reader.NextResultAsync(cancellationToken);
            while (write.Release is not null && await reader.ReadAsync(cancellationToken))
            {
                var value = write.Release(new QuarantinedReading(
                    reader.GetString(2), reader.GetInt64(3), reader.GetInt32(4), reader.GetString(5)));
                if (value is { } released)
                {
                    seqs.Add(reader.GetInt64(0));
                    observed.Add(reader.GetInt64(1));
                    values.Add(released.Value);
                    units.Add(released.Unit);
                    codes.Add(released.UnitCode);
                }
            }
        }

        if (write.Release is null)
        {
            return new DeviceUpsert(created, quarantine.RecordsAffected);
        }

        if (seqs.Count == 0)
        {
            return new DeviceUpsert(created, 0);
        }

        // The key (device_id, observed_unix_ms, seq) finds each row in its partition.
        await using var update = new NpgsqlCommand("""
            UPDATE readings r SET quarantined = false, value = u.value, unit = u.unit, unit_code = u.unit_code
            FROM unnest($2::bigint[], $3::bigint[], $4::float8[], $5::text[], $6::text[])
                AS u(seq, observed_unix_ms, value, unit, unit_code)
            WHERE r.device_id = $1 AND r.observed_unix_ms = u.observed_unix_ms AND r.seq = u.seq
            """, db, transaction);
        update.Parameters.Add(new NpgsqlParameter<string> { TypedValue = device.DeviceId });
        update.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. seqs] });
        update.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. observed] });
        update.Parameters.Add(new NpgsqlParameter<double[]> { TypedValue = [.. values] });
        update.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. units] });
        update.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. codes] });
        return new DeviceUpsert(created, await update.ExecuteNonQueryAsync(cancellationToken));
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
