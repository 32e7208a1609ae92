using Edge.Gateway.Store;
using Edge.Gateway.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using static Edge.Gateway.Tests.Support.StoreItems;

namespace Edge.Gateway.Tests.Store;

public sealed class StoreExpiryTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Expire_FifteenDaysLater_RemovesReadingsPastTheirTtlKeepsAlarmsAndWritesGaps()
    {
        var store = new TestStore(_dir.Path);
        await store.Writer.StartAsync(CancellationToken.None);
        var received = store.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var readings = Enumerable.Range(1, 6).Select(s => Reading(s % 2 == 0 ? "d2" : "d1", s, Base + (s * Hour), received: received)).ToList();
        await store.Writer.AppendAsync(new StoredFrame(readings, [Alarm("d1", 1, Base + Hour, received)]), CancellationToken.None);

        // 14 days is the reading TTL: at exactly 14 days nothing has expired yet.
        store.Time.Advance(TimeSpan.FromDays(14));
        Assert.Equal(new DropResult(0, 0), store.Expiry.Expire(store.Time.GetUtcNow().ToUnixTimeMilliseconds()));
        store.Time.Advance(TimeSpan.FromDays(1));
        var dropped = store.Expiry.Expire(store.Time.GetUtcNow().ToUnixTimeMilliseconds());

        Assert.Equal(new DropResult(6, 0), dropped);
        Assert.Empty(StoreFile.Rows(store.Database.FilePath));
        Assert.Equal(1, StoreFile.Scalar(store.Database.FilePath, "SELECT COUNT(*) FROM events"));
        Assert.Equal(
            [("d1", Base + Hour, Base + (5 * Hour), 3L, "ttl:reading"), ("d2", Base + (2 * Hour), Base + (6 * Hour), 3L, "ttl:reading")],
            Gaps(store.Database.FilePath));
        Assert.Equal(6, store.Counters.ReadingsExpired);
    }

    [Fact]
    public async Task Expire_RowsInAPendingBatch_AreKept()
    {
        var store = new TestStore(_dir.Path);
        await store.Writer.StartAsync(CancellationToken.None);
        var received = store.Time.GetUtcNow().ToUnixTimeMilliseconds();
        await store.Writer.AppendAsync([Reading("d1", 1, Base, received: received), Reading("d1", 2, Base + Hour, received: received)], CancellationToken.None);
        store.Ledger.Assign(store.Queue.Select(100).Where(i => i.Reading!.Seq == 1).ToList(), received);

        store.Time.Advance(TimeSpan.FromDays(30));
        store.Expiry.Expire(store.Time.GetUtcNow().ToUnixTimeMilliseconds());

        Assert.Equal([1L], StoreFile.Rows(store.Database.FilePath).Select(r => r.Seq));
        Assert.Equal(("d1", Base + Hour, Base + Hour, 1L, "ttl:reading"), Assert.Single(Gaps(store.Database.FilePath)));
    }

    [Fact]
    public async Task ExpiryService_FakeTimeAdvancesPastTheTtl_ExpiresWithoutWaitingRealTime()
    {
        var store = new TestStore(_dir.Path, o => (o.Store.Backfill.TtlDays, o.Store.ExpiryInterval) = (7, TimeSpan.FromHours(1)));
        await store.Writer.StartAsync(CancellationToken.None);
        var received = store.Time.GetUtcNow().ToUnixTimeMilliseconds();
        await store.Writer.AppendAsync([Reading("d1", 1, Base - (30 * 24 * Hour), DataClass.Backfill, received)], CancellationToken.None);
        using var service = new StoreExpiryService(store.Expiry, store.Options, store.Time, NullLogger<StoreExpiryService>.Instance);
        await service.StartAsync(CancellationToken.None);

        store.Time.Advance(TimeSpan.FromDays(7) + TimeSpan.FromHours(1));
        await Wait.UntilAsync(() => StoreFile.Rows(store.Database.FilePath).Count == 0, TimeSpan.FromSeconds(10), "the backfill reading to expire");

        Assert.Equal("ttl:backfill", Assert.Single(Gaps(store.Database.FilePath)).Reason);
        await service.StopAsync(CancellationToken.None);
    }
}
