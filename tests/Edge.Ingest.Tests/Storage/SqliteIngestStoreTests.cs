using Edge.Ingest.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Edge.Ingest.Tests.Storage;

/// <summary>What only the SQLite store does; the shared behaviour is in <see cref="IngestStoreContract"/>.</summary>
public sealed class SqliteIngestStoreTests
{
    [Fact]
    public async Task InitializeAsync_NewPath_CreatesFolderAndWalDatabase()
    {
        using var dir = new TempDirectory();
        using (var store = TestStore.Create(dir.DatabasePath))
        {
            await store.InitializeAsync(CancellationToken.None);
        }

        Assert.True(File.Exists(dir.DatabasePath));
        await using var db = new SqliteConnection($"Data Source={dir.DatabasePath};Pooling=False");
        await db.OpenAsync();
        await using var command = db.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }
}
