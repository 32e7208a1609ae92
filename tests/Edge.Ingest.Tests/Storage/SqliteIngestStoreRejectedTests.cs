using Edge.Ingest.Model;
using Edge.Ingest.Normalisation;
using Edge.Ingest.Storage;
using Edge.Ingest.Tests.Support;

namespace Edge.Ingest.Tests.Storage;

public sealed class SqliteIngestStoreRejectedTests
{
    private static readonly NormalisedReading _good = new("m", 1, "volume", 1_000, "ntp", 0, 0.005, "m3", "MTQ", 5, 0, "l");
    private static readonly RejectedReading _bad = new("m", 1, "volume", 9_000_000, "gnss", 2, 5, 0, "l", "too late");

    [Fact]
    public async Task StoreBatchAsync_RejectedReading_KeptApartFromReadings()
    {
        using var dir = new TempDirectory();
        using var store = TestStore.Create(dir.DatabasePath);

        var outcome = await store.StoreBatchAsync(Write(1, received: 77, [], [_bad]), CancellationToken.None);

        Assert.Equal((false, 0, 0), (outcome.Duplicate, outcome.Stored, outcome.Duplicates));
        Assert.Equal([_bad], outcome.SetAside);
        Assert.Null(await store.GetReadingsAsync("m", null, null, CancellationToken.None));
        Assert.Equal(
            [new StoredRejection("m", 1, "volume", 9_000_000, 77, "gnss", 2, 5, 0, "l", "too late", "gw/1")],
            await store.GetRejectedAsync("m", null, null, 10, CancellationToken.None));
        Assert.Equal(new IngestStats(1, 0, 0, 0, 1), await store.GetStatsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task StoreBatchAsync_GoodAndBadCopyInOneBatch_GoodStoredBadCountedAsDuplicate()
    {
        using var dir = new TempDirectory();
        using var store = TestStore.Create(dir.DatabasePath);

        var outcome = await store.StoreBatchAsync(Write(1, received: 0, [_good], [_bad]), CancellationToken.None);

        Assert.Equal((1, 1, 0), (outcome.Stored, outcome.Duplicates, outcome.Rejected));
        Assert.Empty(await store.GetRejectedAsync(null, null, null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task StoreBatchAsync_BadCopyOfStoredReading_DuplicateNotSetAside()
    {
        using var dir = new TempDirectory();
        using var store = TestStore.Create(dir.DatabasePath);
        await store.StoreBatchAsync(Write(1, received: 0, [_good], []), CancellationToken.None);

        var outcome = await store.StoreBatchAsync(Write(2, received: 0, [], [_bad]), CancellationToken.None);

        Assert.Equal((0, 1, 0), (outcome.Stored, outcome.Duplicates, outcome.Rejected));
        Assert.Empty(await store.GetRejectedAsync(null, null, null, 10, CancellationToken.None));
        Assert.Equal(new IngestStats(2, 0, 1, 1, 0), await store.GetStatsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task StoreBatchAsync_GoodCopyAfterRejection_StoredAndRejectionKept()
    {
        using var dir = new TempDirectory();
        using var store = TestStore.Create(dir.DatabasePath);
        await store.StoreBatchAsync(Write(1, received: 0, [], [_bad]), CancellationToken.None);

        var outcome = await store.StoreBatchAsync(Write(2, received: 0, [_good], []), CancellationToken.None);

        Assert.Equal((1, 0, 0), (outcome.Stored, outcome.Duplicates, outcome.Rejected));
        Assert.Equal([0.005], (await store.GetReadingsAsync("m", null, null, CancellationToken.None))!.Select(r => r.Value));
        Assert.Single(await store.GetRejectedAsync("m", null, null, 10, CancellationToken.None));
    }

    [Fact]
    public async Task GetRejectedAsync_OtherDevice_Empty()
    {
        using var dir = new TempDirectory();
        using var store = TestStore.Create(dir.DatabasePath);
        await store.StoreBatchAsync(Write(1, received: 0, [], [_bad]), CancellationToken.None);

        Assert.Empty(await store.GetRejectedAsync("other", null, null, 10, CancellationToken.None));
    }

    private static BatchWrite Write(
        long sequence, long received, IReadOnlyList<NormalisedReading> readings, IReadOnlyList<RejectedReading> rejected) =>
        new("gw", sequence, 0, received, readings, rejected, [], []);
}
