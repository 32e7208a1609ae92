using Edge.Gateway.Store;
using Edge.Gateway.Tests.Support;

namespace Edge.Gateway.Tests.Store;

public sealed class StoreRecoveryTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Initialize_FileThatIsNotADatabase_IsMovedAsideAndAFreshStoreStarts()
    {
        var garbage = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("this is not an SQLite file. ", 300)));
        File.WriteAllBytes(_dir.File(GatewayDatabase.FileName), garbage);
        var store = new TestStore(_dir.Path);

        store.Database.Initialize();

        var aside = Assert.Single(Directory.GetFiles(_dir.Path, "gateway.corrupt-*.db"));
        Assert.Equal("gateway.corrupt-20251125T000000000Z.db", Path.GetFileName(aside));
        Assert.Equal(garbage, File.ReadAllBytes(aside));
        Assert.Equal(0, StoreFile.Scalar(store.Database.FilePath, "SELECT COUNT(*) FROM readings"));
    }

    [Fact]
    public async Task Initialize_DatabaseWithDamagedPages_IsMovedAside()
    {
        var first = new TestStore(_dir.Path);
        await first.Writer.StartAsync(CancellationToken.None);
        await first.Writer.AppendAsync([.. Enumerable.Range(1, 3000).Select(seq => TestStore.Reading(seq))], CancellationToken.None);
        await first.Writer.StopAsync(CancellationToken.None); // last connection closed: WAL checkpointed into the file

        // Overwrite pages 2..5 (SQLite's default page size is 4096 bytes) with noise: b-tree pages break.
        using (var file = File.OpenWrite(first.Database.FilePath))
        {
            file.Position = 4096;
            file.Write(Enumerable.Range(0, 4 * 4096).Select(i => (byte)(i * 37)).ToArray());
        }

        var second = new TestStore(_dir.Path);
        second.Database.Initialize();

        Assert.Single(Directory.GetFiles(_dir.Path, "gateway.corrupt-*.db"));
        Assert.Equal(0, StoreFile.Scalar(second.Database.FilePath, "SELECT COUNT(*) FROM readings"));
    }

    [Fact]
    public async Task Initialize_HealthyDatabase_IsKeptWithItsReadings()
    {
        var first = new TestStore(_dir.Path);
        await first.Writer.StartAsync(CancellationToken.None);
        await first.Writer.AppendAsync([TestStore.Reading(1), TestStore.Reading(2)], CancellationToken.None);
        await first.Writer.StopAsync(CancellationToken.None);

        var second = new TestStore(_dir.Path);
        second.Database.Initialize();

        Assert.Empty(Directory.GetFiles(_dir.Path, "*corrupt*"));
        Assert.Equal(2, StoreFile.Scalar(second.Database.FilePath, "SELECT COUNT(*) FROM readings"));
    }

    [Fact]
    public void Initialize_NewStore_StartsBatchSequenceAtTheCurrentUnixMillisecond()
    {
        // A store that replaces a lost one must not reuse sequences the ingest already saw.
        var store = new TestStore(_dir.Path);
        store.Database.Initialize();

        Assert.Equal(1_764_028_800_000, StoreFile.Scalar(store.Database.FilePath, "SELECT value FROM counters WHERE name = 'next_batch_seq'"));
    }

    [Fact]
    public void Initialize_UnreadableCorruptFile_FreshStoreHoldsAStoreCorruptGapAtTheFilesLastWriteTime()
    {
        File.WriteAllBytes(_dir.File(GatewayDatabase.FileName), System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("not SQLite. ", 500))));
        var written = new DateTimeOffset(File.GetLastWriteTimeUtc(_dir.File(GatewayDatabase.FileName))).ToUnixTimeMilliseconds();
        var store = new TestStore(_dir.Path);

        store.Database.Initialize();

        Assert.Equal(("", written, written, 0L, "store-corrupt"), Assert.Single(StoreItems.Gaps(store.Database.FilePath)));
    }

    [Fact]
    public async Task Initialize_CorruptFileWithReadableReadings_GapNamesItsDevicesAndSpan()
    {
        var first = new TestStore(_dir.Path);
        await first.Writer.StartAsync(CancellationToken.None);
        await first.Writer.AppendAsync([StoreItems.Reading("d1", 1, StoreItems.Base), StoreItems.Reading("d2", 2, StoreItems.Base + StoreItems.Hour)], CancellationToken.None);
        await first.Writer.StopAsync(CancellationToken.None);

        // Overwrite the root page of an index the gap query does not need with noise: quick_check fails, the
        // readings table itself stays readable.
        var page = StoreFile.Scalar(first.Database.FilePath, "SELECT rootpage FROM sqlite_schema WHERE name = 'readings_pending'");
        var pageSize = StoreFile.Scalar(first.Database.FilePath, "PRAGMA page_size");
        using (var file = File.OpenWrite(first.Database.FilePath))
        {
            file.Position = (page - 1) * pageSize;
            file.Write(Enumerable.Range(0, (int)pageSize).Select(i => (byte)(i * 37)).ToArray());
        }

        var second = new TestStore(_dir.Path);
        second.Database.Initialize();

        Assert.Single(Directory.GetFiles(_dir.Path, "gateway.corrupt-*.db"));
        Assert.Equal(("d1,d2", StoreItems.Base, StoreItems.Base + StoreItems.Hour, 2L, "store-corrupt"), Assert.Single(StoreItems.Gaps(second.Database.FilePath)));
    }
}
