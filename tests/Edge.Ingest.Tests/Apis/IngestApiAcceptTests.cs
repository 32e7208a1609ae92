using System.Net.Http.Json;
using Edge.Ingest.Model;
using Edge.Ingest.Tests.Support;
using Edge.Uplink;

namespace Edge.Ingest.Tests.Apis;

public sealed class IngestApiAcceptTests
{
    private static readonly DateTimeOffset _t0 = IngestAppFactory.Start.AddHours(-1);

    [Fact]
    public async Task PostBatch_BinaryLitres_StoredAsCubicMetres()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        var batch = TestBatches.Litres("gw-1", 17, "meter-1", (1, _t0, 1234), (2, _t0.AddMinutes(15), 1250));

        var accepted = await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(batch)));

        Assert.Equal(("gw-1/17", false, 2, 0, 0), ApiAssert.Counts(accepted));
        Assert.Empty(accepted.Rejections);
        var readings = await ReadAsync(app, "meter-1");
        Assert.Equal("meter-1", readings.DeviceId);
        Assert.Equal(
            [
                new MeterReading(1, "volume", _t0, IngestAppFactory.Start, "ntp", 1.234, "m3", "MTQ", 0, Quarantined: true),
                new MeterReading(2, "volume", _t0.AddMinutes(15), IngestAppFactory.Start, "ntp", 1.25, "m3", "MTQ", 0, Quarantined: true),
            ],
            readings.Readings);
    }

    [Fact]
    public async Task PostBatch_Json_StoredWithScaleAndClockQuality()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        var device = new DeviceRun("meter-j",
            [new ChannelRun("volume", "m3", 3, [new ReadingPoint(7, _t0.ToUnixTimeMilliseconds(), 12345, ClockQuality.Gnss, 4)])]);
        var batch = TestBatches.Create("gw-1", 1, device);

        var accepted = await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Json(batch)));

        Assert.Equal(("gw-1/1", false, 1, 0, 0), ApiAssert.Counts(accepted));
        var reading = Assert.Single((await ReadAsync(app, "meter-j")).Readings);
        Assert.Equal(new MeterReading(7, "volume", _t0, IngestAppFactory.Start, "gnss", 12.345, "m3", "MTQ", 4, Quarantined: true), reading);
    }

    [Fact]
    public async Task PostBatch_SameBatchTwice_SecondIsDuplicateAndChangesNothing()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        var batch = TestBatches.Litres("gw-1", 5, "meter-1", (1, _t0, 10), (2, _t0.AddMinutes(1), 11), (3, _t0.AddMinutes(2), 12));
        await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(batch)));
        var before = await ReadAsync(app, "meter-1");

        app.Time.Advance(TimeSpan.FromMinutes(5));
        var again = await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(batch)));

        Assert.Equal(("gw-1/5", true, 0, 0, 0), ApiAssert.Counts(again));
        Assert.Equal(new IngestStats(Batches: 1, DuplicateBatches: 1, Readings: 3, DuplicateReadings: 0, RejectedReadings: 0), await ApiAssert.StatsAsync(app));
        Assert.Equal(before.Readings, (await ReadAsync(app, "meter-1")).Readings);
    }

    [Fact]
    public async Task PostBatch_NewBatchRepeatingDeviceSeqs_StoresNoneAndCountsDuplicates()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        var first = TestBatches.Litres("gw-1", 1, "meter-1", (1, _t0, 100), (2, _t0.AddMinutes(1), 101), (3, _t0.AddMinutes(2), 102));
        var repeat = TestBatches.Litres("gw-1", 2, "meter-1", (1, _t0, 900), (2, _t0.AddMinutes(1), 901), (3, _t0.AddMinutes(2), 902));
        await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(first)));

        var accepted = await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(repeat)));

        Assert.Equal(("gw-1/2", false, 0, 3, 0), ApiAssert.Counts(accepted));
        Assert.Equal(new IngestStats(2, 0, 3, 3, 0), await ApiAssert.StatsAsync(app));
        Assert.Equal([0.1, 0.101, 0.102], (await ReadAsync(app, "meter-1")).Readings.Select(r => r.Value));
    }

    [Fact]
    public async Task PostBatch_PartlyKnownReadings_StoresOnlyNewOnes()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        await gateway.PostAsync("/v1/batches", TestBatches.Binary(TestBatches.Litres("gw-1", 1, "m", (1, _t0, 1), (2, _t0, 2))));

        var accepted = await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches",
            TestBatches.Binary(TestBatches.Litres("gw-1", 2, "m", (2, _t0, 2), (3, _t0, 3), (4, _t0, 4)))));

        Assert.Equal(("gw-1/2", false, 2, 1, 0), ApiAssert.Counts(accepted));
        Assert.Equal([1L, 2, 3, 4], (await ReadAsync(app, "m")).Readings.Select(r => r.Seq));
    }

    [Fact]
    public async Task PostBatch_SameBatchConcurrently_StoredOnce()
    {
        const int Posts = 8;
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        var body = BatchCodec.Encode(TestBatches.Litres("gw-1", 9, "meter-c", (1, _t0, 1), (2, _t0.AddMinutes(1), 2)));

        var answers = await Task.WhenAll(Enumerable.Range(0, Posts).Select(async _ =>
            await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Bytes(body)))));

        Assert.Single(answers, a => !a.Duplicate);
        Assert.Equal(2, answers.Single(a => !a.Duplicate).Stored);
        Assert.Equal(new IngestStats(1, Posts - 1, 2, 0, 0), await ApiAssert.StatsAsync(app));
    }

    [Fact]
    public async Task PostBatch_ReadingAtSkewLimit_Accepted()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        var batch = TestBatches.Litres("gw-1", 1, "m", (1, IngestAppFactory.Start.AddMinutes(10), 5));

        var accepted = await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(batch)));

        Assert.Equal(("gw-1/1", false, 1, 0, 0), ApiAssert.Counts(accepted));
    }

    private static async Task<MeterReadings> ReadAsync(IngestAppFactory app, string deviceId)
    {
        using var reader = app.CreateClient(IngestAppFactory.ReaderKey);
        return (await reader.GetFromJsonAsync<MeterReadings>($"/v1/meters/{deviceId}/readings"))!;
    }
}
