using Edge.Ingest.Normalisation;
using Edge.Ingest.Storage;
using Edge.Ingest.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Edge.Ingest.Tests.Storage;

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

    [Fact]
    public async Task StoreBatchAsync_SameReadingTwiceInOneBatch_SecondCountedAsDuplicate()
    {
        using var dir = new TempDirectory();
        using var store = TestStore.Create(dir.DatabasePath);
        var reading = new NormalisedReading("m", 1, "volume", 0, "ntp", 0, 0.001, "m3", "MTQ", 1, 0, "l");

        var outcome = await store.StoreBatchAsync(
            new BatchWrite("gw", 1, 0, 0, [reading, reading with { Value = 0.002 }], [], [], []), CancellationToken.None);

        Assert.Equal((false, 1, 1, 0), (outcome.Duplicate, outcome.Stored, outcome.Duplicates, outcome.Rejected));
        var stored = Assert.Single((await store.GetReadingsAsync("m", null, null, CancellationToken.None))!);
        Assert.Equal((0.001, "gw/1", 1L, 0, "l"), (stored.Value, stored.BatchId, stored.RawMantissa, stored.RawScale, stored.RawUnit));
    }

    [Fact]
    public async Task GetReadingsAsync_UnknownDevice_Null()
    {
        using var dir = new TempDirectory();
        using var store = TestStore.Create(dir.DatabasePath);

        Assert.Null(await store.GetReadingsAsync("nobody", null, null, CancellationToken.None));
    }
}
