using Microsoft.Data.Sqlite;

namespace Edge.Ingest.Storage;

/// <summary>Desired and reported gateway configuration.</summary>
public sealed partial class SqliteIngestStore : IGatewayControlStore
{
    /// <inheritdoc />
    public Task<StoredControlDocument?> GetDesiredAsync(string gatewayId, CancellationToken cancellationToken) =>
        GetControlAsync("gateway_desired", "version", gatewayId, cancellationToken);

    /// <inheritdoc />
    public Task<StoredControlDocument?> GetReportedAsync(string gatewayId, CancellationToken cancellationToken) =>
        GetControlAsync("gateway_reported", "applied_version", gatewayId, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> PutDesiredAsync(string gatewayId, long version, string json, string updatedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var changed = await WriteControlAsync("""
            INSERT INTO gateway_desired (gateway_id, version, document, updated_by, updated_unix_ms)
            VALUES ($gateway, $version, $document, $by, $at)
            ON CONFLICT (gateway_id) DO UPDATE SET version = excluded.version, document = excluded.document,
                updated_by = excluded.updated_by, updated_unix_ms = excluded.updated_unix_ms
            WHERE gateway_desired.version < excluded.version
            """, gatewayId, version, json, updatedBy, at, cancellationToken);
        return changed == 1;
    }

    /// <inheritdoc />
    public async Task PutReportedAsync(string gatewayId, long appliedVersion, string json, string via, DateTimeOffset at, CancellationToken cancellationToken) =>
        await WriteControlAsync("""
            INSERT INTO gateway_reported (gateway_id, applied_version, document, via, received_unix_ms)
            VALUES ($gateway, $version, $document, $by, $at)
            ON CONFLICT (gateway_id) DO UPDATE SET applied_version = excluded.applied_version, document = excluded.document,
                via = excluded.via, received_unix_ms = excluded.received_unix_ms
            """, gatewayId, appliedVersion, json, via, at, cancellationToken);

    private async Task<int> WriteControlAsync(
        string sql, string gatewayId, long version, string json, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            await using var command = _writer!.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$gateway", gatewayId);
            command.Parameters.AddWithValue("$version", version);
            command.Parameters.AddWithValue("$document", json);
            command.Parameters.AddWithValue("$by", by);
            command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
            return await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task<StoredControlDocument?> GetControlAsync(string table, string versionColumn, string gatewayId, CancellationToken cancellationToken)
    {
        var byColumn = table == "gateway_desired" ? "updated_by" : "via";
        var atColumn = table == "gateway_desired" ? "updated_unix_ms" : "received_unix_ms";
        await using var db = await OpenReaderAsync(cancellationToken);
        await using var command = db.CreateCommand();
        command.CommandText = $"SELECT {versionColumn}, document, {byColumn}, {atColumn} FROM {table} WHERE gateway_id = $gateway";
        command.Parameters.AddWithValue("$gateway", gatewayId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredControlDocument(gatewayId, reader.GetInt64(0), reader.GetString(1), reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)))
            : null;
    }

    /// <summary>Creates the control tables when missing (additive: run at every start, on any older schema).</summary>
    private static void CreateControlTables(SqliteConnection writer)
    {
        using var command = writer.CreateCommand();
        command.CommandText = SqliteSchema.CreateGatewayControl;
        command.ExecuteNonQuery();
    }
}
