using Npgsql;

namespace Edge.Ingest.Storage.Postgres;

/// <summary>Desired and reported gateway configuration.</summary>
public sealed partial class PostgresIngestStore : IGatewayControlStore
{
    /// <inheritdoc />
    public Task<StoredControlDocument?> GetDesiredAsync(string gatewayId, CancellationToken cancellationToken) =>
        GetControlAsync("SELECT version, document, updated_by, updated_unix_ms FROM gateway_desired WHERE gateway_id = $1", gatewayId, cancellationToken);

    /// <inheritdoc />
    public Task<StoredControlDocument?> GetReportedAsync(string gatewayId, CancellationToken cancellationToken) =>
        GetControlAsync("SELECT applied_version, document, via, received_unix_ms FROM gateway_reported WHERE gateway_id = $1", gatewayId, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> PutDesiredAsync(string gatewayId, long version, string json, string updatedBy, DateTimeOffset at, CancellationToken cancellationToken) =>
        await WriteControlAsync("""
            INSERT INTO gateway_desired (gateway_id, version, document, updated_by, updated_unix_ms)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (gateway_id) DO UPDATE SET version = excluded.version, document = excluded.document,
                updated_by = excluded.updated_by, updated_unix_ms = excluded.updated_unix_ms
            WHERE gateway_desired.version < excluded.version
            """, gatewayId, version, json, updatedBy, at, cancellationToken) == 1;

    /// <inheritdoc />
    public async Task PutReportedAsync(string gatewayId, long appliedVersion, string json, string via, DateTimeOffset at, CancellationToken cancellationToken) =>
        await WriteControlAsync("""
            INSERT INTO gateway_reported (gateway_id, applied_version, document, via, received_unix_ms)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (gateway_id) DO UPDATE SET applied_version = excluded.applied_version, document = excluded.document,
                via = excluded.via, received_unix_ms = excluded.received_unix_ms
            """, gatewayId, appliedVersion, json, via, at, cancellationToken);

    private async Task<int> WriteControlAsync(
        string sql, string gatewayId, long version, string json, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await using var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = gatewayId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = version });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = json });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = by });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = at.ToUnixTimeMilliseconds() });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<StoredControlDocument?> GetControlAsync(string sql, string gatewayId, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        await using var command = _dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = gatewayId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredControlDocument(gatewayId, reader.GetInt64(0), reader.GetString(1), reader.GetString(2), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)))
            : null;
    }
}
