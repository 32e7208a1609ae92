using System.Net;
using System.Net.Http.Json;
using Edge.Ingest.Apis;
using Edge.Ingest.Model;
using Edge.Ingest.Tests.Support;

namespace Edge.Ingest.Tests.Apis;

public sealed class QueryApiTests
{
    private static readonly DateTimeOffset _t0 = new(2025, 5, 31, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task GetReadings_FromTo_InclusiveFromExclusiveTo()
    {
        using var dir = new TempDirectory();
        await using var app = await AppWithHourlyReadingsAsync(dir);
        using var reader = app.CreateClient(IngestAppFactory.ReaderKey);

        var result = await reader.GetFromJsonAsync<MeterReadings>(
            "/v1/meters/meter-q/readings?from=2025-05-31T01:00:00Z&to=2025-05-31T02:00:00Z");

        // Seq 10 lies on 'from' (included); seqs 11 and 12 lie on 'to' (excluded).
        Assert.Equal([10L], result!.Readings.Select(r => r.Seq));
    }

    [Fact]
    public async Task GetReadings_OffsetInstant_SameAsUtc()
    {
        using var dir = new TempDirectory();
        await using var app = await AppWithHourlyReadingsAsync(dir);
        using var admin = app.CreateClient(IngestAppFactory.AdminKey);

        // 11:00 in Tokyo (+09:00) is 02:00 UTC; '+' is percent-encoded as a URL requires.
        var result = await admin.GetFromJsonAsync<MeterReadings>("/v1/meters/meter-q/readings?from=2025-05-31T11:00:00%2B09:00");

        Assert.Equal([_t0.AddHours(2), _t0.AddHours(2)], result!.Readings.Select(r => r.ObservedAt));
    }

    [Fact]
    public async Task GetReadings_NoBounds_AllOrderedByObservedTimeThenSeq()
    {
        using var dir = new TempDirectory();
        await using var app = await AppWithHourlyReadingsAsync(dir);
        using var reader = app.CreateClient(IngestAppFactory.ReaderKey);

        var result = await reader.GetFromJsonAsync<MeterReadings>("/v1/meters/meter-q/readings");

        // Seqs 13 and 10 were observed in reverse order of their seq; 11 and 12 share one instant.
        Assert.Equal([13L, 10, 11, 12], result!.Readings.Select(r => r.Seq));
    }

    [Theory]
    [InlineData("from=yesterday")]
    [InlineData("from=2025-05-31")]
    [InlineData("to=2025-05-31T01:00:00")]
    [InlineData("from=2025-05-31T03:00:00Z&to=2025-05-31T01:00:00Z")]
    public async Task GetReadings_BadBounds_400Problem(string query)
    {
        using var dir = new TempDirectory();
        await using var app = await AppWithHourlyReadingsAsync(dir);
        using var reader = app.CreateClient(IngestAppFactory.ReaderKey);

        var response = await reader.GetAsync($"/v1/meters/meter-q/readings?{query}");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.InvalidQuery);
    }

    [Fact]
    public async Task GetReadings_UnknownMeter_404Problem()
    {
        using var dir = new TempDirectory();
        await using var app = await AppWithHourlyReadingsAsync(dir);
        using var reader = app.CreateClient(IngestAppFactory.ReaderKey);

        var response = await reader.GetAsync("/v1/meters/no-such-meter/readings");

        var detail = await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound, ProblemTypes.UnknownMeter);
        Assert.Contains("'no-such-meter'", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStats_GatewayKey_403Problem()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);

        var response = await gateway.GetAsync("/v1/stats");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
    }

    [Fact]
    public async Task GetStats_AfterRestartOnSameDatabase_TotalsAndReadingsKept()
    {
        using var dir = new TempDirectory();
        var batch = TestBatches.Litres("gw-1", 3, "meter-r", (1, _t0, 7), (2, _t0.AddHours(1), 8));
        await using (var first = new IngestAppFactory(dir.DatabasePath))
        {
            using var gateway = first.CreateClient(IngestAppFactory.Gateway1Key);
            await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(batch)));
            await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(batch)));
        }

        await using var second = new IngestAppFactory(dir.DatabasePath);
        Assert.Equal(new IngestStats(1, 1, 2, 0, 0), await ApiAssert.StatsAsync(second));
        using var again = second.CreateClient(IngestAppFactory.Gateway1Key);
        Assert.True((await ApiAssert.AcceptedAsync(await again.PostAsync("/v1/batches", TestBatches.Binary(batch)))).Duplicate);
    }

    private static async Task<IngestAppFactory> AppWithHourlyReadingsAsync(TempDirectory dir)
    {
        var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        var batch = TestBatches.Litres("gw-1", 1, "meter-q",
            (10, _t0.AddHours(1), 1), (11, _t0.AddHours(2), 2), (12, _t0.AddHours(2), 3), (13, _t0, 4));
        var other = TestBatches.Litres("gw-1", 2, "meter-other", (1, _t0.AddHours(1), 5));
        await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(batch)));
        await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(other)));
        return app;
    }
}
