using Edge.Ingest.Storage;
using Edge.Ingest.Storage.Postgres;
using Edge.Ingest.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Ingest.Tests.Storage;

/// <summary>The store contract on PostgreSQL, a database of its own per test on the run's server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresIngestStoreContractTests(PostgresServer server) : IngestStoreContract
{
    private string? _connectionString;

    /// <inheritdoc />
    protected override async Task CreateDatabaseAsync() => _connectionString = await server.CreateDatabaseAsync();

    /// <inheritdoc />
    protected override IIngestStore CreateStore() =>
        new PostgresIngestStore(_connectionString!, new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero)));

    /// <inheritdoc />
    protected override async Task DropDatabaseAsync()
    {
        if (_connectionString is not null)
        {
            await server.DropDatabaseAsync(_connectionString);
        }
    }
}
