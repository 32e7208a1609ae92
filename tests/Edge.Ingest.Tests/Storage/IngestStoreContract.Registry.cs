using Edge.Ingest.Normalisation;
using Edge.Ingest.Storage;

namespace Edge.Ingest.Tests.Storage;

/// <summary>The device registry table and the quarantine, on every store.</summary>
public abstract partial class IngestStoreContract
{
    private static readonly NormalisedReading _quarantined =
        new("wm-q", 1, "volume", 3_600_000, "ntp", 0, 0.001, "m3", "MTQ", 1, 0, "l", Quarantined: true);

    private IRegistryStore Registry => (IRegistryStore)Store;

    [Fact]
    public async Task RegisterThenFind_MeterWithStatusArea_StatusAreaKept()
    {
        var registry = new StoreDeviceRegistry(Registry, Edge.Ingest.Registry.DeviceRegistrationValidator.Tokyo, Edge.Ingest.Normalisation.Units.ChannelValueNormaliser.Default);
        var meter = Edge.Ingest.Tests.Registry.Registrations.Meter("wm-sa") with { StatusAreaId = "dma-7" };

        var written = await registry.UpsertAsync(meter, default);
        var found = await registry.FindAsync("wm-sa", default);

        Assert.True(written.Succeeded, string.Join(" ", written.Errors));
        Assert.Equal(("dma-7", "dma-7"), (found!.StatusAreaId, found.StatusArea));
    }

    [Fact]
    public async Task RegisterThenFind_OccupiedMeterWithHourlyUploads_BothKept()
    {
        var registry = new StoreDeviceRegistry(Registry, Edge.Ingest.Registry.DeviceRegistrationValidator.Tokyo, Edge.Ingest.Normalisation.Units.ChannelValueNormaliser.Default);
        var meter = Edge.Ingest.Tests.Registry.Registrations.Meter("wm-occ") with
        {
            Meter = new Edge.Ingest.Registry.MeterProfile(5, 2.5m, Occupied: true, UploadInterval: TimeSpan.FromHours(1)),
        };

        var written = await registry.UpsertAsync(meter, default);
        var found = await registry.FindAsync("wm-occ", default);

        Assert.True(written.Succeeded, string.Join(" ", written.Errors));
        Assert.Equal((true, TimeSpan.FromHours(1)), (found!.Meter!.Occupied, found.Meter.UploadInterval));
    }

    [Fact]
    public async Task UpsertDeviceAsync_NewThenReplaced_CreatedOnceAndLatestKept()
    {
        var first = await Registry.UpsertDeviceAsync(new StoredDevice("d", "gw", "water-meter", "13101", """{"v":1}"""), default);
        var second = await Registry.UpsertDeviceAsync(new StoredDevice("d", "gw-2", "rain", "13104", """{"v":2}"""), default);

        Assert.Equal((true, false), (first.Created, second.Created));
        var stored = Assert.Single(await Registry.GetDevicesAsync(null, null, default));
        Assert.Equal(("d", "gw-2", "rain", "13104"), (stored.DeviceId, stored.GatewayId, stored.Kind, stored.AreaCode));
        Assert.Equal("""{"v":2}""", stored.Document.Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetDevicesAsync_IdsAndArea_OnlyMatchingOrderedById()
    {
        foreach (var (id, area) in new[] { ("c", "13101"), ("a", "13101"), ("b", "13104"), ("d", "13101") })
        {
            await Registry.UpsertDeviceAsync(new StoredDevice(id, "gw", "water-meter", area, "{}"), default);
        }

        var inArea = await Registry.GetDevicesAsync(null, "13101", default);
        var byIds = await Registry.GetDevicesAsync(["d", "b", "zz"], null, default);
        var both = await Registry.GetDevicesAsync(["d", "b"], "13101", default);

        Assert.Equal(["a", "c", "d"], inArea.Select(d => d.DeviceId));
        Assert.Equal(["b", "d"], byIds.Select(d => d.DeviceId));
        Assert.Equal(["d"], both.Select(d => d.DeviceId));
    }

    [Fact]
    public async Task DeleteDeviceAsync_KnownThenAgain_TrueThenFalse()
    {
        await Registry.UpsertDeviceAsync(new StoredDevice("d", "gw", "water-meter", "13101", "{}"), default);

        Assert.True(await Registry.DeleteDeviceAsync("d", default));
        Assert.False(await Registry.DeleteDeviceAsync("d", default));
        Assert.Empty(await Registry.GetDevicesAsync(null, null, default));
    }

    [Fact]
    public async Task GetQuarantineAsync_TwoBatchesOfOneGatewayAndOneOfAnother_OneEntryPerGateway()
    {
        await Store.StoreBatchAsync(Write(1, 0, [_quarantined, _quarantined with { Seq = 2, ObservedUnixMs = 7_200_000 }], []), default);
        await Store.StoreBatchAsync(Write(2, 0, [_quarantined with { Seq = 3, ObservedUnixMs = 1_000 }], []), default);
        await Store.StoreBatchAsync(Write(3, 0, [_good with { Seq = 9 }], []), default);
        await Store.StoreBatchAsync(
            Write(1, 0, [_quarantined with { Seq = 4, ObservedUnixMs = 9_000_000 }], []) with { GatewayId = "gw-x" }, default);

        var quarantine = await Registry.GetQuarantineAsync(default);

        Assert.Equal(
            [new QuarantinedDevice("wm-q", "gw", 3, 1_000, 7_200_000), new QuarantinedDevice("wm-q", "gw-x", 1, 9_000_000, 9_000_000)],
            quarantine);
    }

    [Fact]
    public async Task UpsertDeviceAsync_QuarantinedReadings_ReleasesOnlyThoseOfItsGateway()
    {
        await Store.StoreBatchAsync(Write(1, 0, [_quarantined, _quarantined with { Seq = 2 }], []), default);
        await Store.StoreBatchAsync(Write(1, 0, [_quarantined with { Seq = 3 }], []) with { GatewayId = "gw-x" }, default);

        var upsert = await Registry.UpsertDeviceAsync(new StoredDevice("wm-q", "gw", "water-meter", "13101", "{}"), default);

        Assert.Equal(new DeviceUpsert(true, 2), upsert);
        var readings = (await Store.GetReadingsAsync("wm-q", null, null, default))!;
        Assert.Equal([(1L, false), (2L, false), (3L, true)], readings.Select(r => (r.Seq, r.Quarantined)));
        Assert.Equal([new QuarantinedDevice("wm-q", "gw-x", 1, 3_600_000, 3_600_000)], await Registry.GetQuarantineAsync(default));
    }

    [Fact]
    public async Task UpsertDevicesAsync_ReleaseFunction_ValuesReplacedAndRefusedReadingsStayQuarantined()
    {
        await Store.StoreBatchAsync(Write(1, 0,
        [
            _quarantined,
            _quarantined with { Seq = 2, RawMantissa = 7 },
            _quarantined with { Seq = 3, Channel = "other" },
        ], []), default);

        // 10 l per pulse: 1 pulse = 0.01 m³, 7 pulses = 0.07 m³; channel "other" is not accepted.
        var upserts = await Registry.UpsertDevicesAsync(
        [
            new DeviceWrite(new StoredDevice("wm-q", "gw", "water-meter", "13101", "{}"), reading =>
                reading.Channel == "volume" ? new ReleasedValue(reading.RawMantissa / 100.0, "m3", "MTQ") : null),
        ], default);

        Assert.Equal([new DeviceUpsert(true, 2)], upserts);
        var readings = (await Store.GetReadingsAsync("wm-q", null, null, default))!;
        Assert.Equal(
            [(1L, 0.01, false), (2L, 0.07, false), (3L, 0.001, true)],
            readings.OrderBy(r => r.Seq).Select(r => (r.Seq, r.Value, r.Quarantined)));
    }

    [Fact]
    public async Task GetDeviceRevisionsAsync_EveryWrite_NewRevisionNeverReused()
    {
        var device = new StoredDevice("d", "gw", "water-meter", "13101", "{}");
        await Registry.UpsertDeviceAsync(device, default);
        var first = (await Registry.GetDeviceRevisionsAsync(["d"], default))[0];
        await Registry.UpsertDeviceAsync(device, default);
        var second = (await Registry.GetDeviceRevisionsAsync(["d"], default))[0];
        await Registry.DeleteDeviceAsync("d", default);
        var removed = (await Registry.GetDeviceRevisionsAsync(["d"], default))[0];
        await Registry.UpsertDeviceAsync(device, default);
        var third = (await Registry.GetDeviceRevisionsAsync(["x", "d", "x"], default));

        Assert.NotNull(first);
        Assert.True(second > first);
        Assert.Null(removed);
        Assert.Equal(3, third.Count);
        Assert.True(third[1] > second);
        Assert.Null(third[0]);
        Assert.Equal(third[1], (await Registry.GetDevicesAsync(["d"], null, default))[0].Revision);
    }
}
