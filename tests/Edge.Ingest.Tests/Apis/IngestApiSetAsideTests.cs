using System.Net.Http.Json;
using System.Text.Json;
using Edge.Ingest.Apis;
using Edge.Ingest.Model;
using Edge.Ingest.Tests.Support;
using Edge.Uplink;
using Microsoft.Extensions.Logging;

namespace Edge.Ingest.Tests.Apis;

// A bad reading is set aside on its own; the rest of its batch is stored, so one broken meter cannot block its
// gateway's uplink (the gateway sends oldest first and keeps a refused batch).
public sealed class IngestApiSetAsideTests
{
    private static readonly DateTimeOffset _t0 = IngestAppFactory.Start.AddHours(-1);

    // The server clock stands at IngestAppFactory.Start (2025-06-01T00:00:00Z); MaxFutureSkew defaults to 10 minutes.
    private static readonly DateTimeOffset _tooLate = IngestAppFactory.Start.AddMinutes(11);

    private const string FutureReason =
        "Device 'm' channel 'volume' reading seq 2 is observed at 2025-06-01T00:11:00.000Z, more than 00:10:00 ahead " +
        "of the server clock (2025-06-01T00:00:00.000Z).";

    private static readonly string BtuReason =
        "Device 'meter-btu' (not registered) channel 'volume' uses the unit 'BTU', which is not supported; supported units: " +
        string.Join(", ", Edge.Ingest.Normalisation.Units.QuantityUnitCatalog.Default.AllUnits) + ".";

    [Fact]
    public async Task PostBatch_ReadingBeyondFutureSkew_200GoodStoredBadSetAside()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        var batch = TestBatches.Litres("gw-1", 1, "m", (1, _t0, 1), (2, _tooLate, 2), (3, _t0.AddMinutes(1), 3));

        var accepted = await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(batch)));

        Assert.Equal(("gw-1/1", false, 2, 0, 1), ApiAssert.Counts(accepted));
        Assert.Equal([new Rejection("m", 2, FutureReason)], accepted.Rejections);
        Assert.Equal([1L, 3], (await ReadAsync(app, "m")).Readings.Select(r => r.Seq));
        Assert.Equal(
            [new RejectedReadingDetail("m", 2, "volume", _tooLate, IngestAppFactory.Start, "ntp", 2, 0, "l", 0, FutureReason, "gw-1/1")],
            await ApiAssert.RejectedAsync(app, "?deviceId=m"));
        Assert.Equal(new IngestStats(1, 0, 2, 0, 1), await ApiAssert.StatsAsync(app));
    }

    [Fact]
    public async Task PostBatch_UnknownUnit_200OtherDeviceStoredWholeChannelSetAside()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        var batch = TestBatches.Create("gw-1", 1,
            TestBatches.Meter("meter-ok", "l", 0, (1, _t0, 10)),
            TestBatches.Meter("meter-btu", "BTU", 1, (1, _t0, 10), (2, _t0.AddMinutes(1), 11)));

        var accepted = await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Json(batch)));

        Assert.Equal(("gw-1/1", false, 1, 0, 2), ApiAssert.Counts(accepted));
        Assert.Equal([new Rejection("meter-btu", 1, BtuReason), new Rejection("meter-btu", 2, BtuReason)], accepted.Rejections);
        Assert.Equal([0.01], (await ReadAsync(app, "meter-ok")).Readings.Select(r => r.Value));
        var rejected = await ApiAssert.RejectedAsync(app);
        Assert.Equal([("meter-btu", 2L, 11L, 1, "BTU"), ("meter-btu", 1L, 10L, 1, "BTU")],
            rejected.Select(r => (r.DeviceId, r.Seq, r.Mantissa, r.Scale, r.Unit)));
        Assert.Equal(new IngestStats(1, 0, 1, 0, 2), await ApiAssert.StatsAsync(app));
    }

    [Fact]
    public async Task PostBatch_SameBatchWithRejectionTwice_SecondChangesNothing()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        var body = BatchCodec.Encode(TestBatches.Litres("gw-1", 4, "m", (1, _t0, 1), (2, _tooLate, 2)));
        await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Bytes(body)));

        // By now the reading would pass the clock check, but a known batch id is not looked at again.
        app.Time.Advance(TimeSpan.FromMinutes(5));
        var again = await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Bytes(body)));

        Assert.Equal(("gw-1/4", true, 0, 0, 0), ApiAssert.Counts(again));
        Assert.Empty(again.Rejections);
        Assert.Equal(new IngestStats(1, 1, 1, 0, 1), await ApiAssert.StatsAsync(app));
        Assert.Equal([1L], (await ReadAsync(app, "m")).Readings.Select(r => r.Seq));
        var rejected = Assert.Single(await ApiAssert.RejectedAsync(app));
        Assert.Equal((2L, IngestAppFactory.Start, "gw-1/4"), (rejected.Seq, rejected.ReceivedAt, rejected.BatchId));
    }

    [Fact]
    public async Task PostBatch_CorrectedResendOfRejectedReading_StoredAsReading()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        await gateway.PostAsync("/v1/batches", TestBatches.Binary(TestBatches.Litres("gw-1", 1, "m", (1, _t0, 1), (2, _tooLate, 2))));

        var corrected = TestBatches.Litres("gw-1", 2, "m", (2, _t0.AddMinutes(2), 2));
        var accepted = await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(corrected)));

        Assert.Equal(("gw-1/2", false, 1, 0, 0), ApiAssert.Counts(accepted));
        Assert.Equal([(1L, _t0), (2L, _t0.AddMinutes(2))], (await ReadAsync(app, "m")).Readings.Select(r => (r.Seq, r.ObservedAt)));
        Assert.Equal([(2L, "gw-1/1")], (await ApiAssert.RejectedAsync(app)).Select(r => (r.Seq, r.BatchId)));
        Assert.Equal(new IngestStats(2, 0, 2, 0, 1), await ApiAssert.StatsAsync(app));
    }

    [Fact]
    public async Task PostBatch_SameBadReadingInNewBatch_DuplicateKeptOnce()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches",
            TestBatches.Binary(TestBatches.Litres("gw-1", 1, "m", (1, _t0, 1), (2, _tooLate, 2)))));

        var accepted = await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches",
            TestBatches.Binary(TestBatches.Litres("gw-1", 2, "m", (2, _tooLate, 2), (3, _t0.AddMinutes(1), 3)))));

        Assert.Equal(("gw-1/2", false, 1, 1, 0), ApiAssert.Counts(accepted));
        Assert.Equal([(2L, "gw-1/1")], (await ApiAssert.RejectedAsync(app)).Select(r => (r.Seq, r.BatchId)));
        Assert.Equal(new IngestStats(2, 0, 2, 1, 1), await ApiAssert.StatsAsync(app));
    }

    [Fact]
    public async Task PostBatch_25ReadingsSetAside_CountsAllListsFirst20()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        var points = Enumerable.Range(1, 25).Select(i => ((long)i, _tooLate, (long)i)).Prepend((100L, _t0, 5L)).ToArray();

        var accepted = await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches",
            TestBatches.Binary(TestBatches.Litres("gw-1", 1, "m", points))));

        Assert.Equal(("gw-1/1", false, 1, 0, 25), ApiAssert.Counts(accepted));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), accepted.Rejections.Select(r => r.Seq));
        Assert.Equal(25, (await ApiAssert.RejectedAsync(app)).Count);
    }

    [Fact]
    public async Task PostBatch_ReadingsSetAside_OneWarningWithCountAndFirstReason()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        var batch = TestBatches.Litres("gw-1", 1, "m", (2, _tooLate, 2), (3, _tooLate.AddMinutes(1), 3), (4, _t0, 4));

        await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(batch)));

        var warning = Assert.Single(app.Logs.Entries, e => e.Category == typeof(IngestServices).FullName);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal($"Batch gw-1/1: 2 readings set aside; first: {FutureReason}", warning.Message);
    }

    [Fact]
    public async Task PostBatch_ReadingSetAside_AnswerJsonNamesCountAndEntries()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        var batch = TestBatches.Litres("gw-1", 1, "m", (1, _t0, 1), (2, _tooLate, 2));

        var response = await gateway.PostAsync("/v1/batches", TestBatches.Binary(batch));

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["batchId", "duplicate", "stored", "duplicates", "rejected", "rejections", "quarantined", "quarantinedDevices"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, json.RootElement.GetProperty("rejected").GetInt32());
        var entry = Assert.Single(json.RootElement.GetProperty("rejections").EnumerateArray());
        Assert.Equal(["deviceId", "seq", "reason"], entry.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task PostBatch_EveryReadingInFuture_422ProblemNothingStoredAcceptedOnceTheClockCatchesUp()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        var body = BatchCodec.Encode(TestBatches.Litres("gw-1", 1, "m", (2, _tooLate, 2), (3, _tooLate.AddMinutes(1), 3)));

        var response = await gateway.PostAsync("/v1/batches", TestBatches.Bytes(body));

        var detail = await ApiAssert.ProblemAsync(response, System.Net.HttpStatusCode.UnprocessableEntity, ProblemTypes.ReadingsInFuture);
        Assert.Equal(
            $"Every reading of batch gw-1/1 (2) is observed more than 00:10:00 ahead of the server clock; nothing of it is stored. First: {FutureReason}",
            detail);
        await ApiAssert.NothingStoredAsync(app);
        Assert.Empty(await ApiAssert.RejectedAsync(app));

        // The gateway keeps a refused batch and offers it again; 12 minutes on, 00:11 and 00:12 are within the skew.
        app.Time.Advance(TimeSpan.FromMinutes(12));
        var accepted = await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Bytes(body)));

        Assert.Equal(("gw-1/1", false, 2, 0, 0), ApiAssert.Counts(accepted));
    }

    [Fact]
    public async Task PostBatch_EveryReadingInFuture_ProblemListsTheReadings()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);

        var response = await gateway.PostAsync("/v1/batches", TestBatches.Binary(TestBatches.Litres("gw-1", 1, "m", (2, _tooLate, 2))));

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var entry = Assert.Single(json.RootElement.GetProperty("rejections").EnumerateArray());
        Assert.Equal(("m", 2L, FutureReason), (entry.GetProperty("deviceId").GetString(), entry.GetProperty("seq").GetInt64(), entry.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task PostBatch_EveryReadingInUnsupportedUnit_200SetAsideAndKept()
    {
        // Time does not cure a wrong unit: such a batch is accepted and its readings kept for the operator.
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);

        var accepted = await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches",
            TestBatches.Binary(TestBatches.Create("gw-1", 1, TestBatches.Meter("meter-btu", "BTU", 0, (1, _t0, 1))))));

        Assert.Equal(("gw-1/1", false, 0, 0, 1), ApiAssert.Counts(accepted));
        Assert.Equal([BtuReason], (await ApiAssert.RejectedAsync(app)).Select(r => r.Reason));
    }

    private static async Task<MeterReadings> ReadAsync(IngestAppFactory app, string deviceId)
    {
        using var reader = app.CreateClient(IngestAppFactory.ReaderKey);
        return (await reader.GetFromJsonAsync<MeterReadings>($"/v1/meters/{deviceId}/readings"))!;
    }
}
