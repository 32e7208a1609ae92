using Edge.Gateway.Store;
using Edge.Gateway.Tests.Support;
using static Edge.Gateway.Tests.Support.StoreItems;

namespace Edge.Gateway.Tests.Store;

public sealed class StoreEvictionTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task AppendAsync_StoreFull_EvictsLowestClassOldestFirstWithAGapPerDevice()
    {
        var backfill = new[] { 0, 2, 4 }.Select(h => Reading("d1", h, Base + (h * Hour), DataClass.Backfill))
            .Concat(new[] { 1, 3, 5 }.Select(h => Reading("d2", h, Base + (h * Hour), DataClass.Backfill))).ToList();
        var readings = Enumerable.Range(10, 4).Select(s => Reading("d1", s, Base + (s * Hour))).ToList();
        var store = await StartAsync(limit: backfill.Concat(readings).Sum(Bytes));
        await store.Writer.AppendAsync([.. backfill, .. readings], CancellationToken.None);
        Assert.Equal(10, StoreFile.Rows(store.Database.FilePath).Count);

        // Three more readings: three backfill readings must go, the oldest: d1@0h, d2@1h, d1@2h.
        await store.Writer.AppendAsync([.. Enumerable.Range(20, 3).Select(s => Reading("d1", s, Base + (s * Hour)))], CancellationToken.None);

        var left = StoreFile.Rows(store.Database.FilePath).Select(r => (r.Device, r.Seq)).ToHashSet();
        Assert.DoesNotContain(("d1", 0L), left);
        Assert.DoesNotContain(("d2", 1L), left);
        Assert.DoesNotContain(("d1", 2L), left);
        Assert.Equal(10, left.Count);
        Assert.Equal(
            [("d1", Base, Base + (2 * Hour), 2L, "store-full:backfill"), ("d2", Base + Hour, Base + Hour, 1L, "store-full:backfill")],
            Gaps(store.Database.FilePath));
        Assert.Equal(3, store.Counters.ReadingsEvicted);
    }

    [Fact]
    public async Task AppendAsync_AlarmsAndReadings_EvictsReadingsBeforeAnyAlarmThenOldestAlarms()
    {
        var alarms = Enumerable.Range(1, 5).Select(s => Alarm("d1", s, Base + (s * Hour))).ToList();
        var readings = Enumerable.Range(1, 5).Select(s => Reading("d1", s, Base + (s * Hour))).ToList();
        var store = await StartAsync(limit: alarms.Sum(Bytes) + readings.Sum(Bytes));
        await store.Writer.AppendAsync(new StoredFrame(readings, alarms), CancellationToken.None);

        // Five more alarms need 5 × alarm bytes: that many readings go (rounded up), no alarm.
        var more = Enumerable.Range(6, 5).Select(s => Alarm("d1", s, Base + (s * Hour))).ToList();
        await store.Writer.AppendAsync(new StoredFrame([], more), CancellationToken.None);
        var readingsEvicted = (int)Math.Ceiling(more.Sum(Bytes) / (double)Bytes(readings[0]));
        Assert.Equal(10, StoreFile.Scalar(store.Database.FilePath, "SELECT COUNT(*) FROM events"));
        Assert.Equal(5 - readingsEvicted, StoreFile.Rows(store.Database.FilePath).Count);

        // Enough alarms to push out every reading and then the oldest alarms.
        var flood = Enumerable.Range(11, 10).Select(s => Alarm("d1", s, Base + (s * Hour))).ToList();
        await store.Writer.AppendAsync(new StoredFrame([], flood), CancellationToken.None);

        Assert.Empty(StoreFile.Rows(store.Database.FilePath));
        var alarmGap = Assert.Single(Gaps(store.Database.FilePath), g => g.Reason == "store-full:alarm");
        Assert.Equal(Base + Hour, alarmGap.From); // the oldest alarm went first
        Assert.Equal(20 - alarmGap.Count, StoreFile.Scalar(store.Database.FilePath, "SELECT COUNT(*) FROM events"));
        Assert.Equal(1 + alarmGap.Count, StoreFile.Scalar(store.Database.FilePath, "SELECT MIN(seq) FROM events"));
        Assert.Equal(5, Gaps(store.Database.FilePath).Where(g => g.Reason == "store-full:reading").Sum(g => g.Count));
    }

    [Fact]
    public async Task AppendAsync_RowsAssignedToABatch_AreNotEvicted()
    {
        var rows = Enumerable.Range(1, 10).Select(s => Reading("d1", s, Base + (s * Hour))).ToList();
        var store = await StartAsync(limit: rows.Sum(Bytes));
        await store.Writer.AppendAsync(rows, CancellationToken.None);
        var inFlight = store.Queue.Select(100).Where(i => i.Reading!.Seq <= 3).ToList();
        store.Ledger.Assign(inFlight, Base);

        await store.Writer.AppendAsync([.. Enumerable.Range(11, 4).Select(s => Reading("d1", s, Base + (s * Hour)))], CancellationToken.None);

        var left = StoreFile.Rows(store.Database.FilePath).Select(r => r.Seq).Order();
        Assert.Equal([1L, 2L, 3L, 8L, 9L, 10L, 11L, 12L, 13L, 14L], left);
        Assert.Equal(("d1", Base + (4 * Hour), Base + (7 * Hour), 4L, "store-full:reading"), Assert.Single(Gaps(store.Database.FilePath)));
    }

    [Fact]
    public async Task AppendAsync_HigherClassOverItsShare_IsEvictedBeforeALowerClassWithinItsShare()
    {
        var readings = Enumerable.Range(1, 8).Select(s => Reading("d1", s, Base + (s * Hour))).ToList();
        var backfill = Enumerable.Range(101, 2).Select(s => Reading("d1", s, Base + (s * Hour), DataClass.Backfill)).ToList();
        var store = await StartAsync(limit: readings.Concat(backfill).Sum(Bytes), o => (o.Reading.Share, o.Backfill.Share) = (0.5, 0.5));
        await store.Writer.AppendAsync([.. readings, .. backfill], CancellationToken.None);

        await store.Writer.AppendAsync([Reading("d1", 103, Base + (103 * Hour), DataClass.Backfill)], CancellationToken.None);

        var left = StoreFile.Rows(store.Database.FilePath).Select(r => r.Seq).ToHashSet();
        Assert.Equal(("d1", Base + Hour, Base + Hour, 1L, "store-full:reading"), Assert.Single(Gaps(store.Database.FilePath)));
        Assert.Contains(101L, left);
        Assert.Contains(103L, left);
        Assert.DoesNotContain(1L, left);
    }

    private async Task<TestStore> StartAsync(long limit, Action<StoreOptions>? configure = null)
    {
        var store = new TestStore(_dir.Path, o =>
        {
            o.Store.MaxBytes = limit;
            (o.Store.Status.Share, o.Store.Reading.Share, o.Store.Backfill.Share) = (1, 1, 1);
            configure?.Invoke(o.Store);
        });
        await store.Writer.StartAsync(CancellationToken.None);
        return store;
    }
}
