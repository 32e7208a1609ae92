using System.Net;
using System.Net.Http.Json;
using Edge.Ingest.Model;
using Edge.Ingest.Tests.Registry;
using Edge.Ingest.Tests.Support;

namespace Edge.Ingest.Tests.Apis;

public sealed class ReadingPagingTests
{
    private static readonly DateTimeOffset _h = new(2025, 5, 31, 12, 0, 0, TimeSpan.Zero);

    private static async Task<IngestAppFactory> StartAsync(TempDirectory dir)
    {
        var app = new IngestAppFactory(dir.DatabasePath);
        await ApiAssert.RegisterAsync(app, Registrations.Meter("wm-1"));
        return app;
    }

    private static async Task PostAsync(IngestAppFactory app, long sequence, params (long Seq, DateTimeOffset At, long Litres)[] points)
    {
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        await ApiAssert.AcceptedAsync(await gateway.PostAsync(
            "/v1/batches", TestBatches.Binary(TestBatches.Litres(IngestAppFactory.Gateway1, sequence, "wm-1", points))));
    }

    [Fact]
    public async Task GetReadings_Limit_PagesInOrderWithStableCursorsWhileLateReadingsArrive()
    {
        using var dir = new TempDirectory();
        await using var app = await StartAsync(dir);
        await PostAsync(app, 1, (10, _h, 100), (11, _h.AddHours(1), 110), (12, _h.AddHours(2), 120), (13, _h.AddHours(3), 130), (14, _h.AddHours(4), 140));
        using var reader = app.CreateClient(IngestAppFactory.ReaderKey);

        var first = (await reader.GetFromJsonAsync<MeterReadings>("/v1/meters/wm-1/readings?limit=2"))!;
        Assert.Equal([10L, 11L], first.Readings.Select(r => r.Seq));
        Assert.NotNull(first.Next);

        // Late readings: one observed before the cursor (must not reappear later), one after it (must show up).
        await PostAsync(app, 2, (5, _h.AddMinutes(-30), 95), (20, _h.AddHours(2).AddMinutes(30), 125));

        var second = (await reader.GetFromJsonAsync<MeterReadings>($"/v1/meters/wm-1/readings?limit=2&after={first.Next}"))!;
        var third = (await reader.GetFromJsonAsync<MeterReadings>($"/v1/meters/wm-1/readings?limit=2&after={second.Next}"))!;

        Assert.Equal([12L, 20L], second.Readings.Select(r => r.Seq));
        Assert.Equal([13L, 14L], third.Readings.Select(r => r.Seq));
        Assert.Null(third.Next);

        // The cursor of a full page whose last reading is the newest gives an empty last page.
        var exact = (await reader.GetFromJsonAsync<MeterReadings>($"/v1/meters/wm-1/readings?limit=1&after={second.Next}&from=2025-05-31T15:00:00Z"))!;
        Assert.Equal([13L], exact.Readings.Select(r => r.Seq));
        var empty = (await reader.GetFromJsonAsync<MeterReadings>($"/v1/meters/wm-1/readings?limit=1&after={exact.Next}&to=2025-05-31T16:00:00Z"))!;
        Assert.Empty(empty.Readings);
        Assert.Null(empty.Next);
    }

    [Fact]
    public async Task GetReadings_NoLimit_EverythingAndNoCursor()
    {
        using var dir = new TempDirectory();
        await using var app = await StartAsync(dir);
        await PostAsync(app, 1, (1, _h, 100), (2, _h.AddHours(1), 110));
        using var reader = app.CreateClient(IngestAppFactory.ReaderKey);

        var all = (await reader.GetFromJsonAsync<MeterReadings>("/v1/meters/wm-1/readings"))!;

        Assert.Equal([1L, 2L], all.Readings.Select(r => r.Seq));
        Assert.Null(all.Next);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=10001")]
    [InlineData("limit=x")]
    [InlineData("after=not-a-cursor")]
    [InlineData("after=AAAAAAAAAAAAAAAAAAAAAA%3D%3D")]
    public async Task GetReadings_BadPagingParameters_400(string query)
    {
        using var dir = new TempDirectory();
        await using var app = await StartAsync(dir);
        await PostAsync(app, 1, (1, _h, 100));
        using var reader = app.CreateClient(IngestAppFactory.ReaderKey);

        using var response = await reader.GetAsync(new Uri($"/v1/meters/wm-1/readings?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetLatest_BackfillThreeWeeksLate_LatestDoesNotGoBackwards()
    {
        using var dir = new TempDirectory();
        await using var app = await StartAsync(dir);
        await PostAsync(app, 1, (100, _h, 5000));
        using var reader = app.CreateClient(IngestAppFactory.ReaderKey);
        var before = (await reader.GetFromJsonAsync<MeterReadings>("/v1/meters/wm-1/latest"))!;

        // Arrives last, observed three weeks earlier, with a higher seq (a meter replayed its backlog).
        await PostAsync(app, 2, (200, _h.AddDays(-21), 4000));
        var after = (await reader.GetFromJsonAsync<MeterReadings>("/v1/meters/wm-1/latest"))!;
        var all = (await reader.GetFromJsonAsync<MeterReadings>("/v1/meters/wm-1/readings"))!;

        Assert.Equal(100, Assert.Single(before.Readings).Seq);
        var latest = Assert.Single(after.Readings);
        Assert.Equal((100L, _h, 5.0), (latest.Seq, latest.ObservedAt, latest.Value));
        Assert.Equal([200L, 100L], all.Readings.Select(r => r.Seq));
    }

    [Fact]
    public async Task PostBatch_ReadingThreeWeeksLate_LandsInPlaceAndFillsItsConsumptionHours()
    {
        using var dir = new TempDirectory();
        await using var app = await StartAsync(dir);
        var d = _h.AddDays(-21);
        await PostAsync(app, 1, (1, d, 1000), (3, d.AddHours(2), 1300), (4, _h, 9000));
        using var reader = app.CreateClient(IngestAppFactory.ReaderKey);
        var hours = $"/v1/meters/wm-1/consumption?interval=hour&from={d:yyyy-MM-ddTHH:mm:ssZ}&to={d.AddHours(2):yyyy-MM-ddTHH:mm:ssZ}";
        var before = (await reader.GetFromJsonAsync<MeterConsumption>(hours))!;

        await PostAsync(app, 2, (2, d.AddHours(1), 1100));
        var after = (await reader.GetFromJsonAsync<MeterConsumption>(hours))!;
        var readings = (await reader.GetFromJsonAsync<MeterReadings>("/v1/meters/wm-1/readings"))!;

        // Before: neither hour has both ends. After: 1,100 - 1,000 l = 0.1 m³ and 1,300 - 1,100 l = 0.2 m³.
        Assert.All(before.Intervals, i => Assert.Null(i.VolumeM3));
        Assert.Equal([0.1m, 0.2m], after.Intervals.Select(i => i.VolumeM3));
        Assert.Equal([1L, 2L, 3L, 4L], readings.Readings.Select(r => r.Seq));
        Assert.Equal(4L, (await reader.GetFromJsonAsync<MeterReadings>("/v1/meters/wm-1/latest"))!.Readings.Single().Seq);
    }

    [Fact]
    public async Task GetLatest_UnknownMeter_404()
    {
        using var dir = new TempDirectory();
        await using var app = await StartAsync(dir);
        using var reader = app.CreateClient(IngestAppFactory.ReaderKey);

        using var response = await reader.GetAsync(new Uri("/v1/meters/nope/latest", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
