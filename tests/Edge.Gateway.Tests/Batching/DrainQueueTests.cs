using Edge.Gateway.Store;
using Edge.Gateway.Tests.Support;
using static Edge.Gateway.Tests.Support.StoreItems;

namespace Edge.Gateway.Tests.Batching;

public sealed class DrainQueueTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Select_AfterAnOutage_AlarmsThenNewestPerDeviceThenTheRestOldestFirst()
    {
        var store = new TestStore(_dir.Path);
        await store.Writer.StartAsync(CancellationToken.None);
        // Three devices, hours 0..4 each; d3's readings are backfill; one alarm late in the outage.
        var rows = (from d in new[] { "d1", "d2", "d3" }
                    from h in Enumerable.Range(0, 5)
                    select Reading(d, h, Base + (h * Hour), d == "d3" ? DataClass.Backfill : DataClass.Reading)).ToList();
        await store.Writer.AppendAsync(new StoredFrame(rows, [Alarm("d2", 3, Base + (3 * Hour))]), CancellationToken.None);

        var order = store.Queue.Select(100).Select(Describe).ToList();

        List<string> expected = ["alarm d2/3", "d1/4", "d2/4", "d3/4"];
        // The rest: class reading before backfill, each oldest first (ties by insertion order).
        expected.AddRange(from h in Enumerable.Range(0, 4) from d in new[] { "d1", "d2" } select $"{d}/{h}");
        expected.AddRange(Enumerable.Range(0, 4).Select(h => $"d3/{h}"));
        Assert.Equal(expected, order);
    }

    [Fact]
    public async Task Select_NextCutAfterTheHeadsWentOut_DoesNotPromoteTheSecondNewest()
    {
        var store = new TestStore(_dir.Path);
        await store.Writer.StartAsync(CancellationToken.None);
        await store.Writer.AppendAsync([.. Enumerable.Range(0, 6).Select(h => Reading("d1", h, Base + (h * Hour)))], CancellationToken.None);
        store.Ledger.Assign(store.Queue.Select(2), Base); // the head (5) and the oldest (0)

        Assert.Equal(["d1/1", "d1/2", "d1/3", "d1/4"], store.Queue.Select(100).Select(Describe));

        // A new reading newer than anything sent is a head again: live data jump the backlog.
        await store.Writer.AppendAsync([Reading("d1", 6, Base + (6 * Hour))], CancellationToken.None);
        Assert.Equal(["d1/6", "d1/1", "d1/2", "d1/3", "d1/4"], store.Queue.Select(100).Select(Describe));
    }

    [Fact]
    public async Task Select_GapRecordsWaiting_ComeAfterAlarmsBeforeReadings()
    {
        var rows = Enumerable.Range(0, 4).Select(h => Reading("d1", h, Base + (h * Hour))).ToList();
        var store = new TestStore(_dir.Path, o => (o.Store.MaxBytes, o.Store.Reading.Share) = (3 * Bytes(rows[0]), 1));
        await store.Writer.StartAsync(CancellationToken.None);
        await store.Writer.AppendAsync(new StoredFrame(rows, [Alarm("d9", 1, Base)]), CancellationToken.None);

        var order = store.Queue.Select(100).Select(Describe).ToList();

        Assert.Equal("alarm d9/1", order[0]);
        Assert.StartsWith("gap d1 store-full:reading", order[1], StringComparison.Ordinal);
        Assert.DoesNotContain(order.Skip(2), o => o.StartsWith("gap", StringComparison.Ordinal) || o.StartsWith("alarm", StringComparison.Ordinal));
    }

    private static string Describe(PendingItem item) =>
        item.Reading is { } r ? $"{r.Device}/{r.Seq}"
        : item.Event is { } e ? $"alarm {e.Device}/{e.Seq}"
        : $"gap {string.Join(",", item.Gap!.DeviceIds)} {item.Gap.Reason}";
}
