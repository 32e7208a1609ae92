using Edge.Gateway.Batching;
using Edge.Gateway.Tests.Support;
using Edge.Uplink;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Gateway.Tests.Batching;

public sealed class BatchCutterTests : IDisposable
{
    private const long Now = 1_764_028_800_000;
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task CutDue_FewAndYoungReadings_CutsNothing()
    {
        var store = await StoreWithAsync(readings: 3, receivedMs: Now - 9_000, b => b.MaxReadings = 5);

        Assert.Empty(Cutter(store).CutDue(Now));
        Assert.Equal(0, StoreFile.Scalar(store.Database.FilePath, "SELECT COUNT(*) FROM readings WHERE batch_seq IS NOT NULL"));
    }

    [Fact]
    public async Task CutDue_OldestOlderThanMaxDelay_CutsAllWaiting()
    {
        var store = await StoreWithAsync(readings: 3, receivedMs: Now - 10_000, b => b.MaxReadings = 5);

        var batch = Assert.Single(Cutter(store).CutDue(Now));

        Assert.Equal((Now, Now, 3), (batch.Sequence, batch.CreatedUnixMs, batch.Readings));
        Assert.All(StoreFile.Rows(store.Database.FilePath), r => Assert.Equal(batch.Sequence, r.BatchSeq));
    }

    [Fact]
    public async Task CutDue_MaxReadingsWaiting_CutsFullBatchesAndLeavesTheRest()
    {
        var store = await StoreWithAsync(readings: 12, receivedMs: Now, b => (b.MaxReadings, b.MaxPendingBatches) = (5, 10));

        var batches = Cutter(store).CutDue(Now);

        Assert.Equal([(Now, 5), (Now + 1, 5)], batches.Select(b => (b.Sequence, b.Readings)));
        // Drain order: the device's newest reading (seq 12) jumps the queue, then the rest go oldest first.
        var rows = StoreFile.Rows(store.Database.FilePath).ToDictionary(r => r.Seq, r => r.BatchSeq);
        Assert.Equal([1L, 2L, 3L, 4L, 12L], rows.Where(r => r.Value == Now).Select(r => r.Key).Order());
        Assert.Equal([5L, 6L, 7L, 8L, 9L], rows.Where(r => r.Value == Now + 1).Select(r => r.Key).Order());
        Assert.Equal([10L, 11L], rows.Where(r => r.Value is null).Select(r => r.Key).Order());
    }

    [Fact]
    public async Task CutDue_MaxPendingBatchesReached_WaitsForAnAcknowledgement()
    {
        var store = await StoreWithAsync(readings: 12, receivedMs: Now - 60_000, b => (b.MaxReadings, b.MaxPendingBatches) = (5, 2));
        var cutter = Cutter(store);
        Assert.Equal(2, cutter.CutDue(Now).Count);

        Assert.Empty(cutter.CutDue(Now));
        store.Ledger.Delete(Now);
        Assert.Equal(Now + 2, Assert.Single(cutter.CutDue(Now)).Sequence);
    }

    [Fact]
    public async Task CutDue_AfterReopeningTheStore_ContinuesTheSequence()
    {
        var store = await StoreWithAsync(readings: 2, receivedMs: Now - 60_000, b => b.MaxReadings = 1);
        Assert.Equal([Now, Now + 1], Cutter(store).CutDue(Now).Select(b => b.Sequence));
        store.Ledger.Delete(Now);
        store.Ledger.Delete(Now + 1);
        await store.Writer.AppendAsync([TestStore.Reading(3, receivedMs: Now - 60_000)], CancellationToken.None);
        await store.Writer.StopAsync(CancellationToken.None);

        // Even a clock that went back must not make a reopened store reuse a sequence.
        var earlier = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(Now).AddDays(-30));
        var reopened = new TestStore(_dir.Path, o => o.Batch.MaxReadings = 1, earlier);
        reopened.Database.Initialize();

        Assert.Equal(Now + 2, Assert.Single(Cutter(reopened).CutDue(Now)).Sequence);
    }

    [Theory]
    [InlineData(600)]
    [InlineData(340)] // one Iridium SBD mobile-originated message (AT+SBDWB takes at most 340 bytes)
    public async Task CutDue_MaxBytes_EveryBatchEncodesWithinTheLimit(int maxBytes)
    {
        var store = await StoreWithAsync(readings: 400, receivedMs: Now - 60_000, b => (b.MaxReadings, b.MaxBytes, b.MaxPendingBatches) = (5000, maxBytes, 200));

        var batches = Cutter(store).CutDue(Now);

        Assert.True(batches.Count > 1, $"expected several batches, got readings per batch {string.Join(",", batches.Select(b => b.Readings))}");
        Assert.Equal(400, batches.Sum(b => b.Readings));
        foreach (var pending in batches)
        {
            var encoded = BatchCodec.Encode(BatchBuilder.Build(GatewayConfig.GatewayId, pending.Sequence, pending.CreatedUnixMs, store.Ledger.ReadBatch(pending.Sequence)));
            Assert.InRange(encoded.Length, 1, maxBytes);
        }
    }

    [Fact]
    public async Task CutDue_AlarmJustStored_CutsAtOnceWhileReadingsWaitForTheirDelay()
    {
        var store = await StoreWithAsync(readings: 3, receivedMs: Now, b => b.MaxDelay = TimeSpan.FromHours(1));
        var cutter = Cutter(store);
        Assert.Empty(cutter.CutDue(Now + 1000));

        await store.Writer.AppendAsync(new Edge.Gateway.Store.StoredFrame([], [StoreItems.Alarm(Frames.Device, 99, Now, received: Now + 1000)]), CancellationToken.None);
        var batch = Assert.Single(cutter.CutDue(Now + 1000));

        var content = store.Ledger.ReadContent(batch.Sequence);
        Assert.Equal("tamper", Assert.Single(content.Events).Kind);
        Assert.Equal(3, content.Readings.Count); // the waiting readings travel along
    }

    [Fact]
    public async Task AppendAsync_AlarmStored_WakesTheBatcher()
    {
        var store = await StoreWithAsync(readings: 1, receivedMs: Now, _ => { });
        var woken = store.Signals.Wake.WaitAsync(TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None);
        Assert.False(woken.IsCompleted);

        await store.Writer.AppendAsync(new Edge.Gateway.Store.StoredFrame([], [StoreItems.Alarm(Frames.Device, 99, Now)]), CancellationToken.None);

        await woken.WaitAsync(TimeSpan.FromSeconds(5));
    }

    private async Task<TestStore> StoreWithAsync(int readings, long receivedMs, Action<BatchOptions> batch)
    {
        var store = new TestStore(_dir.Path, o => batch(o.Batch));
        await store.Writer.StartAsync(CancellationToken.None);
        // Values without a pattern, so compression cannot make every batch tiny.
        var random = new Random(42);
        var rows = Enumerable.Range(1, readings).Select(seq => TestStore.Reading(seq, mantissa: random.Next(1_000_000), receivedMs: receivedMs)).ToList();
        await store.Writer.AppendAsync(rows, CancellationToken.None);
        return store;
    }

    internal static BatchCutter Cutter(TestStore store) => new(store.Ledger, store.Queue, store.Options, store.Counters, NullLogger<BatchCutter>.Instance);
}
