using Edge.Ingest.Normalisation;
using Edge.Ingest.Storage;

namespace Edge.Ingest.Tests.Storage;

/// <summary>The alarm rules' one query per meter or area (<see cref="IIngestStore.GetAlarmReadingsAsync"/>), on every store.</summary>
public abstract partial class IngestStoreContract
{
    private static NormalisedReading Reading(string device, long seq, long observedUnixMs, int flags = 0, bool quarantined = false) =>
        new(device, seq, "volume", observedUnixMs, "ntp", flags, seq / 1000.0, "m3", "MTQ", seq, 0, "l", Quarantined: quarantined);

    [Fact]
    public async Task GetAlarmReadingsAsync_TwoOfThreeDevices_TheirUnquarantinedReadingsInTheSpanByDeviceThenTime()
    {
        await Store.StoreBatchAsync(Write(1, 70_000,
        [
            Reading("a", 1, 1_000), Reading("a", 2, 2_000, flags: 1), Reading("a", 3, 3_000),
            Reading("b", 2, 2_500), Reading("b", 1, 1_500), Reading("c", 1, 2_000),
        ], []), default);
        await Store.StoreBatchAsync(Write(2, 80_000, [Reading("b", 9, 2_000, quarantined: true)], []), default);

        var span = await Store.GetAlarmReadingsAsync(["b", "a"], 1_500, 3_000, default);
        var open = await Store.GetAlarmReadingsAsync(["a"], 2_000, null, default);

        Assert.Equal([("a", 2_000L), ("b", 1_500L), ("b", 2_500L)], span.Select(r => (r.DeviceId, r.ObservedUnixMs)));
        Assert.Equal(new AlarmReading("a", "volume", 2_000, 70_000, 1, 0.002, "m3"), span[0]);
        Assert.Equal([2_000L, 3_000L], open.Select(r => r.ObservedUnixMs));
        Assert.Empty(await Store.GetAlarmReadingsAsync([], long.MinValue, null, default));
        Assert.Empty(await Store.GetAlarmReadingsAsync(["nobody"], long.MinValue, null, default));
    }
}
