using System.Threading.Channels;
using Edge.Gateway.Store;
using Edge.Gateway.Tests.Support;

namespace Edge.Gateway.Tests.Store;

public sealed class ReadingWriterTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task AppendAsync_Frame_RowsAreInTheFileWhenTheTaskCompletes()
    {
        var store = new TestStore(_dir.Path);
        await store.Writer.StartAsync(CancellationToken.None);

        var result = await store.Writer.AppendAsync([TestStore.Reading(17, 1234), TestStore.Reading(18, 12405, scale: 1)], CancellationToken.None);

        Assert.Equal(new StoreWriteResult(2, 0), result);
        var rows = StoreFile.Rows(store.Database.FilePath);
        Assert.Equal([(17L, 1234L, 0), (18L, 12405L, 1)], rows.Select(r => (r.Seq, r.Mantissa, r.Scale)));
        Assert.All(rows, r => Assert.Equal((int)DataClass.Reading, r.Class));
        Assert.All(rows, r => Assert.Null(r.BatchSeq));
        await store.Writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AppendAsync_SameDeviceAndSeqAgain_IsStoredOnce()
    {
        var store = new TestStore(_dir.Path);
        await store.Writer.StartAsync(CancellationToken.None);
        await store.Writer.AppendAsync([TestStore.Reading(17), TestStore.Reading(18)], CancellationToken.None);

        var again = await store.Writer.AppendAsync([TestStore.Reading(18, mantissa: 999), TestStore.Reading(19)], CancellationToken.None);

        Assert.Equal(new StoreWriteResult(1, 1), again);
        Assert.Equal([17L, 18L, 19L], StoreFile.Rows(store.Database.FilePath).Select(r => r.Seq));
        Assert.Equal(1000, StoreFile.Rows(store.Database.FilePath).Single(r => r.Seq == 18).Mantissa);
        await store.Writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AppendAsync_ManyFramesQueuedTogether_CommitsThemInOneTransaction()
    {
        var store = new TestStore(_dir.Path);
        store.Database.Initialize();

        // Queued before the writer runs, so they are all waiting when it looks: one group, one commit.
        var appends = Enumerable.Range(1, 200).Select(seq => store.Writer.AppendAsync([TestStore.Reading(seq)], CancellationToken.None)).ToList();
        await store.Writer.StartAsync(CancellationToken.None);
        var results = await Task.WhenAll(appends);

        Assert.All(results, r => Assert.Equal(new StoreWriteResult(1, 0), r));
        Assert.Equal(1, store.Counters.StoreCommits);
        Assert.Equal(200, StoreFile.Scalar(store.Database.FilePath, "SELECT COUNT(*) FROM readings"));
        await store.Writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task StopAsync_FramesStillQueued_CommitsThemThenRefusesNewOnes()
    {
        var store = new TestStore(_dir.Path);
        store.Database.Initialize();
        var queued = Enumerable.Range(1, 50).Select(seq => store.Writer.AppendAsync([TestStore.Reading(seq)], CancellationToken.None)).ToList();
        await store.Writer.StartAsync(CancellationToken.None);

        await store.Writer.StopAsync(CancellationToken.None);

        Assert.All(await Task.WhenAll(queued), r => Assert.Equal(1, r.Stored));
        Assert.Equal(50, StoreFile.Scalar(store.Database.FilePath, "SELECT COUNT(*) FROM readings"));
        await Assert.ThrowsAsync<ChannelClosedException>(() => store.Writer.AppendAsync([TestStore.Reading(51)], CancellationToken.None));
    }

    [Fact]
    public void Open_AnyConnection_UsesWalAndSynchronousFull()
    {
        var store = new TestStore(_dir.Path);
        store.Database.Initialize();
        using var connection = store.Database.Open();
        using var command = connection.CreateCommand();

        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
        command.CommandText = "PRAGMA synchronous";
        Assert.Equal(2L, command.ExecuteScalar()); // sqlite.org/pragma.html#pragma_synchronous: 2 = FULL
    }
}
