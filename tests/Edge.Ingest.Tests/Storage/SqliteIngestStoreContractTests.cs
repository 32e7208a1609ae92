using Edge.Ingest.Storage;
using Edge.Ingest.Tests.Support;

namespace Edge.Ingest.Tests.Storage;

/// <summary>The store contract on SQLite, a database file in a fresh folder per test.</summary>
public sealed class SqliteIngestStoreContractTests : IngestStoreContract
{
    private TempDirectory? _dir;

    /// <inheritdoc />
    protected override Task CreateDatabaseAsync()
    {
        _dir = new TempDirectory();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    protected override IIngestStore CreateStore() => TestStore.Create(_dir!.DatabasePath);

    /// <inheritdoc />
    protected override Task DropDatabaseAsync()
    {
        _dir?.Dispose();
        return Task.CompletedTask;
    }
}
