using Edge.Gateway.Store;
using Edge.Gateway.Tests.Support;
using Edge.Uplink;
using static Edge.Gateway.Tests.Support.StoreItems;

namespace Edge.Gateway.Tests.Store;

/// <summary>The usage table must equal the estimate summed over the rows after every kind of change.</summary>
public sealed class StoreUsageTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Usage_AfterInsertsDuplicatesAckEvictionAndExpiry_EqualsTheSumOverTheRows()
    {
        var store = new TestStore(_dir.Path, o =>
        {
            o.Store.MaxBytes = 40_000;
            (o.Store.Status.Share, o.Store.Reading.Share, o.Store.Backfill.Share) = (1, 1, 1);
        });
        await store.Writer.StartAsync(CancellationToken.None);
        var odd = new[] { "d1", "zähler-ü", "水表-7", "emoji-\U0001F4A7", "lone-\uD800", "nul-a\0b" };
        var frames = odd.Select((device, d) => new StoredFrame(
            [.. Enumerable.Range(1, 30).Select(s => Odd(device, s, d))],
            [Alarm(device, 1, Base), new EventRecord(device, 2, Base, "low-battery", null, Base, DataClass.Status), new EventRecord(device, 3, Base, "reboot", device, Base, DataClass.Status)])).ToList();

        foreach (var frame in frames)
        {
            await store.Writer.AppendAsync(frame, CancellationToken.None);
            AssertUsageExact(store);
        }

        // The same frames again: nothing new, usage unchanged.
        await store.Writer.AppendAsync(frames[1], CancellationToken.None);
        AssertUsageExact(store);

        // An acknowledged batch leaves with its usage.
        var batch = store.Ledger.Assign(store.Queue.Select(50), Base);
        AssertUsageExact(store);
        store.Ledger.Delete(batch.Sequence);
        AssertUsageExact(store);

        // Expiry of old backfill and alarms, then eviction by a flood of readings.
        store.Expiry.Expire(Base + (40L * 24 * Hour));
        AssertUsageExact(store);
        await store.Writer.AppendAsync([.. Enumerable.Range(1000, 400).Select(s => Reading("flood", s, Base + (s * Hour)))], CancellationToken.None);
        Assert.True(store.Counters.ReadingsEvicted > 0);
        AssertUsageExact(store);
    }

    private static ReadingRecord Odd(string device, long seq, int d) => new(
        device, seq, seq % 2 == 0 ? "volume" : "vol-\u00fc\0x", d % 2 == 0 ? "l" : "m\u00b3", seq, 0, Base + (seq * Hour), ClockQuality.Ntp, 0,
        Base + (seq * Hour) + (seq % 3 == 0 ? 48 * Hour : 0), seq % 3 == 0 ? DataClass.Backfill : DataClass.Reading);

    private static void AssertUsageExact(TestStore store)
    {
        var path = store.Database.FilePath;
        for (var c = 0; c < 4; c++)
        {
            var expected = StoreFile.Scalar(path, $"SELECT coalesce(sum({StoreSchema.ReadingBytes("r")}), 0) FROM readings r WHERE r.class = {c}")
                + StoreFile.Scalar(path, $"SELECT coalesce(sum({StoreSchema.EventBytes("e")}), 0) FROM events e WHERE e.class = {c}");
            Assert.Equal(expected, StoreFile.Scalar(path, $"SELECT bytes FROM usage WHERE class = {c}"));
        }
    }
}
