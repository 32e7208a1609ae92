using Edge.Ingest.Model;
using Edge.Ingest.Normalisation;
using Edge.Ingest.Storage;

namespace Edge.Ingest.Tests.Storage;

/// <summary>
/// What every <see cref="IIngestStore"/> must do, run once per implementation by the derived classes
/// (<see cref="SqliteIngestStoreContractTests"/>, <see cref="PostgresIngestStoreContractTests"/>). Each test gets an
/// empty database of its own.
/// </summary>
public abstract partial class IngestStoreContract : IAsyncLifetime
{
    private static readonly NormalisedReading _good = new("m", 1, "volume", 1_000, "ntp", 0, 0.005, "m3", "MTQ", 5, 0, "l");
    private static readonly RejectedReading _bad = new("m", 1, "volume", 9_000_000, "gnss", 2, 5, 0, "l", "too late");
    private readonly List<IIngestStore> _stores = [];

    /// <summary>The store under test, on this test's database.</summary>
    protected IIngestStore Store { get; private set; } = null!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        Store = OpenStore();
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await CloseAsync(store);
        }

        await DropDatabaseAsync();
    }

    [Fact]
    public async Task StoreBatchAsync_SameReadingTwiceInOneBatch_SecondCountedAsDuplicate()
    {
        var reading = new NormalisedReading("m", 1, "volume", 0, "ntp", 0, 0.001, "m3", "MTQ", 1, 0, "l");

        var outcome = await Store.StoreBatchAsync(Write(1, 0, [reading, reading with { Value = 0.002 }], []), default);

        Assert.Equal((false, 1, 1, 0), (outcome.Duplicate, outcome.Stored, outcome.Duplicates, outcome.Rejected));
        var stored = Assert.Single((await Store.GetReadingsAsync("m", null, null, default))!);
        Assert.Equal((0.001, "gw/1", 1L, 0, "l"), (stored.Value, stored.BatchId, stored.RawMantissa, stored.RawScale, stored.RawUnit));
    }

    [Fact]
    public async Task StoreBatchAsync_SameBatchTwice_SecondChangesOnlyTheDuplicateBatchCounter()
    {
        await Store.StoreBatchAsync(Write(1, 0, [_good], [_bad with { Seq = 2 }]), default);

        var outcome = await Store.StoreBatchAsync(Write(1, 5, [_good with { Seq = 3 }], []), default);

        Assert.Equal((true, 0, 0, 0), (outcome.Duplicate, outcome.Stored, outcome.Duplicates, outcome.Rejected));
        Assert.Equal([1L], (await Store.GetReadingsAsync("m", null, null, default))!.Select(r => r.Seq));
        Assert.Equal(new IngestStats(1, 1, 1, 0, 1), await Store.GetStatsAsync(default));
    }

    [Fact]
    public async Task StoreBatchAsync_KnownReadingInNewBatch_DroppedAndFirstCopyKept()
    {
        await Store.StoreBatchAsync(Write(1, 10, [_good], []), default);

        var outcome = await Store.StoreBatchAsync(Write(2, 20, [_good with { Value = 9 }, _good with { Seq = 2 }], []), default);

        Assert.Equal((false, 1, 1), (outcome.Duplicate, outcome.Stored, outcome.Duplicates));
        var readings = (await Store.GetReadingsAsync("m", null, null, default))!;
        Assert.Equal([(1L, 0.005, "gw/1", 10L), (2L, 0.005, "gw/2", 20L)], readings.Select(r => (r.Seq, r.Value, r.BatchId, r.ReceivedUnixMs)));
        Assert.Equal(new IngestStats(2, 0, 2, 1, 0), await Store.GetStatsAsync(default));
    }

    [Fact]
    public async Task StoreBatchAsync_OverlapAcrossKeyBlocksAndNegativeSeqs_OnlyNewKeysStored()
    {
        // Seqs on both sides of 0 and of 64 (PostgreSQL keeps keys in blocks of 64 seqs), then a batch that overlaps
        // the first in every block and adds one new key to each.
        long[] first = [-65, -64, -1, 0, 63, 64, 127, 128];
        long[] second = [-66, -65, -2, -1, 1, 63, 65, 127, 129];
        await Store.StoreBatchAsync(Write(1, 0, [.. first.Select(s => _good with { Seq = s, ObservedUnixMs = 1_000 + s })], []), default);

        var outcome = await Store.StoreBatchAsync(
            Write(2, 0, [.. second.Select(s => _good with { Seq = s, ObservedUnixMs = 2_000 + s, Value = 9 })], []), default);

        Assert.Equal((5, 4), (outcome.Stored, outcome.Duplicates));
        var readings = (await Store.GetReadingsAsync("m", null, null, default))!;
        Assert.Equal(first.Concat([-66L, -2, 1, 65, 129]).Order(), readings.Select(r => r.Seq).Order());
        Assert.All(readings.Where(r => first.Contains(r.Seq)), r => Assert.Equal(0.005, r.Value));

        var again = await Store.StoreBatchAsync(
            Write(3, 0, [.. first.Concat(second).Select(s => _good with { Seq = s })], []), default);
        Assert.Equal((0, 17), (again.Stored, again.Duplicates));
    }

    [Fact]
    public async Task GetReadingsAsync_UnknownDevice_Null()
    {
        Assert.Null(await Store.GetReadingsAsync("nobody", null, null, default));
    }

    [Fact]
    public async Task GetReadingsAsync_TimeRange_ReadingsInRangeByObservedTimeThenSeq()
    {
        // Observed times out of seq order (a late reading), two months apart, one before 2000 (an unsynced clock).
        var june = new DateTimeOffset(2025, 6, 30, 23, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var july = new DateTimeOffset(2025, 7, 1, 1, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        await Store.StoreBatchAsync(Write(1, 0, [At(1, july), At(2, june), At(3, june), At(4, 5_000)], []), default);

        var all = (await Store.GetReadingsAsync("m", null, null, default))!;
        var range = (await Store.GetReadingsAsync("m", june, july, default))!;

        Assert.Equal([4L, 2, 3, 1], all.Select(r => r.Seq));
        Assert.Equal([2L, 3], range.Select(r => r.Seq));
        Assert.NotNull(await Store.GetReadingsAsync("m", 0, 1, default));
        Assert.Empty((await Store.GetReadingsAsync("m", 0, 1, default))!);
    }

    [Fact]
    public async Task GetReadingsPageAsync_CursorAndLimit_StrictlyAfterTheKeyAtMostLimit()
    {
        // Key order: (5000, 4), (june, 2), (june, 3), (july, 1).
        var june = new DateTimeOffset(2025, 6, 30, 23, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var july = new DateTimeOffset(2025, 7, 1, 1, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        await Store.StoreBatchAsync(Write(1, 0, [At(1, july), At(2, june), At(3, june), At(4, 5_000)], []), default);

        var first = (await Store.GetReadingsPageAsync("m", null, null, new ReadingPage(null, 0, 2), default))!;
        var afterJune2 = (await Store.GetReadingsPageAsync("m", null, null, new ReadingPage(june, 2, 10), default))!;
        var afterJune2Ranged = (await Store.GetReadingsPageAsync("m", null, july, new ReadingPage(june, 2, null), default))!;
        var afterLast = (await Store.GetReadingsPageAsync("m", null, null, new ReadingPage(july, 1, 10), default))!;

        Assert.Equal([4L, 2], first.Select(r => r.Seq));
        Assert.Equal([3L, 1], afterJune2.Select(r => r.Seq));
        Assert.Equal([3L], afterJune2Ranged.Select(r => r.Seq));
        Assert.Empty(afterLast);
        Assert.Null(await Store.GetReadingsPageAsync("nobody", null, null, new ReadingPage(null, 0, 1), default));
    }

    [Fact]
    public async Task StoreBatchAsync_GatewayCorrectedTime_DeviceTimeKept()
    {
        await Store.StoreBatchAsync(Write(1, 0, [_good with { DeviceUnixMs = 42 }, _good with { Seq = 2 }], []), default);

        var readings = (await Store.GetReadingsAsync("m", null, null, default))!;

        Assert.Equal([42L, null], readings.Select(r => r.DeviceUnixMs));
    }

    [Fact]
    public async Task StoreBatchAsync_RejectedReading_KeptApartFromReadings()
    {
        var outcome = await Store.StoreBatchAsync(Write(1, received: 77, [], [_bad]), default);

        Assert.Equal((false, 0, 0), (outcome.Duplicate, outcome.Stored, outcome.Duplicates));
        Assert.Equal([_bad], outcome.SetAside);
        Assert.Null(await Store.GetReadingsAsync("m", null, null, default));
        Assert.Equal(
            [new StoredRejection("m", 1, "volume", 9_000_000, 77, "gnss", 2, 5, 0, "l", "too late", "gw/1")],
            await Store.GetRejectedAsync("m", null, null, 10, default));
        Assert.Equal(new IngestStats(1, 0, 0, 0, 1), await Store.GetStatsAsync(default));
    }

    [Fact]
    public async Task StoreBatchAsync_GoodAndBadCopyInOneBatch_GoodStoredBadCountedAsDuplicate()
    {
        var outcome = await Store.StoreBatchAsync(Write(1, received: 0, [_good], [_bad]), default);

        Assert.Equal((1, 1, 0), (outcome.Stored, outcome.Duplicates, outcome.Rejected));
        Assert.Empty(await Store.GetRejectedAsync(null, null, null, 10, default));
    }

    [Fact]
    public async Task StoreBatchAsync_BadCopyOfStoredReading_DuplicateNotSetAside()
    {
        await Store.StoreBatchAsync(Write(1, received: 0, [_good], []), default);

        var outcome = await Store.StoreBatchAsync(Write(2, received: 0, [], [_bad]), default);

        Assert.Equal((0, 1, 0), (outcome.Stored, outcome.Duplicates, outcome.Rejected));
        Assert.Empty(await Store.GetRejectedAsync(null, null, null, 10, default));
        Assert.Equal(new IngestStats(2, 0, 1, 1, 0), await Store.GetStatsAsync(default));
    }

    [Fact]
    public async Task StoreBatchAsync_GoodCopyAfterRejection_StoredAndRejectionKept()
    {
        await Store.StoreBatchAsync(Write(1, received: 0, [], [_bad]), default);

        var outcome = await Store.StoreBatchAsync(Write(2, received: 0, [_good], []), default);

        Assert.Equal((1, 0, 0), (outcome.Stored, outcome.Duplicates, outcome.Rejected));
        Assert.Equal([0.005], (await Store.GetReadingsAsync("m", null, null, default))!.Select(r => r.Value));
        Assert.Single(await Store.GetRejectedAsync("m", null, null, 10, default));
    }

    [Fact]
    public async Task StoreBatchAsync_SameRejectionTwice_SetAsideOnceInBatchOrder()
    {
        var second = _bad with { Seq = 0, Reason = "second" };

        var outcome = await Store.StoreBatchAsync(Write(1, 0, [], [_bad, second, _bad with { Reason = "again" }]), default);

        Assert.Equal([_bad, second], outcome.SetAside);
        Assert.Equal(1, outcome.Duplicates);
    }

    [Fact]
    public async Task GetRejectedAsync_OtherDevice_Empty()
    {
        await Store.StoreBatchAsync(Write(1, received: 0, [], [_bad]), default);

        Assert.Empty(await Store.GetRejectedAsync("other", null, null, 10, default));
    }

    [Fact]
    public async Task GetRejectedAsync_Limit_NewestReceivedFirstThenDeviceThenSeqDescending()
    {
        await Store.StoreBatchAsync(Write(1, 100, [], [_bad, _bad with { Seq = 2 }, _bad with { DeviceId = "a" }]), default);
        await Store.StoreBatchAsync(Write(2, 200, [], [_bad with { Seq = 3 }]), default);

        var rejected = await Store.GetRejectedAsync(null, null, 200, 3, default);

        Assert.Equal([("a", 1L), ("m", 2L), ("m", 1L)], rejected.Select(r => (r.DeviceId, r.Seq)));
    }

    [Fact]
    public async Task InitializeAsync_AgainAndReopened_DataKept()
    {
        await Store.StoreBatchAsync(Write(1, 0, [_good], [_bad with { Seq = 2 }]), default);
        await Store.InitializeAsync(default);

        var reopened = OpenStore();
        await reopened.InitializeAsync(default);

        Assert.Equal(new IngestStats(1, 0, 1, 0, 1), await reopened.GetStatsAsync(default));
        Assert.Single((await reopened.GetReadingsAsync("m", null, null, default))!);
        Assert.True(await reopened.PingAsync(default));
    }

    /// <summary>A batch of gateway <c>gw</c> without events or gaps.</summary>
    protected static BatchWrite Write(
        long sequence, long received, IReadOnlyList<NormalisedReading> readings, IReadOnlyList<RejectedReading> rejected) =>
        new("gw", sequence, 0, received, readings, rejected, [], []);

    /// <summary>Reading <paramref name="seq"/> of meter <c>m</c> observed at <paramref name="observedUnixMs"/>.</summary>
    protected static NormalisedReading At(long seq, long observedUnixMs) => _good with { Seq = seq, ObservedUnixMs = observedUnixMs };

    /// <summary>Opens one more store on this test's database; it is closed after the test.</summary>
    protected IIngestStore OpenStore()
    {
        var store = CreateStore();
        _stores.Add(store);
        return store;
    }

    /// <summary>Creates this test's empty database.</summary>
    protected abstract Task CreateDatabaseAsync();

    /// <summary>Creates a store (not yet initialised) on this test's database.</summary>
    protected abstract IIngestStore CreateStore();

    /// <summary>Removes this test's database.</summary>
    protected abstract Task DropDatabaseAsync();

    private static async Task CloseAsync(IIngestStore store)
    {
        if (store is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else if (store is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
