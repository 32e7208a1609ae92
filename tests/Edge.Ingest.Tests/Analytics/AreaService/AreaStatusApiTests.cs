using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Edge.Ingest.Analytics.AreaService;
using Edge.Ingest.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Edge.Ingest.Tests.Analytics.AreaService.AreaStatusFleet;

namespace Edge.Ingest.Tests.Analytics.AreaService;

/// <summary>
/// Issue 8's example through HTTP on Kestrel (loopback), from register readings posted as batches to
/// <c>GET /v1/areas/status</c> and <c>GET /v1/stream</c>. Every expected figure is computed by hand in the comments.
/// </summary>
public sealed class AreaStatusApiTests : IDisposable
{
    // The outage day D (a Sunday) and the day after, at 10:00 and 11:00 JST (01:00 and 02:00 UTC); the baseline weeks
    // have the same Sunday and Monday hours, two and one week earlier.
    private static readonly DateTimeOffset _d = new(2025, 6, 15, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset[] _baselineDays = [_d.AddDays(-14), _d.AddDays(-13), _d.AddDays(-7), _d.AddDays(-6)];
    private static readonly DateTimeOffset[] _dataDays = [.. _baselineDays, _d, _d.AddDays(1)];

    private readonly TempDirectory _dir = new();
    private readonly IngestAppFactory _app;

    public AreaStatusApiTests()
    {
        _app = new IngestAppFactory(_dir.DatabasePath, Settings(_dir));
        _app.UseKestrel(0);
        _app.StartServer();
    }

    [Fact]
    public async Task GetAreaStatus_IssueExample_SuspectedOutageThenRestoringOnGeoJsonAndStream()
    {
        using var gateway = _app.CreateClient(IngestAppFactory.Gateway1Key);
        using var disaster = _app.CreateClient(IngestAppFactory.DisasterKey);
        var service = _app.Services.GetRequiredService<AreaStatusService>();
        _app.Time.SetUtcNow(_d.AddHours(3.5));
        await PostAsync(gateway, Readings(1, [.. _baselineDays.SelectMany(Times), .. Times(_d)], Register, QuietSends));
        await PostAsync(gateway, SensorBatch(2, _d.AddHours(3)));

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        // From the start of the hub's memory: the worker may have recomputed on its own already.
        using var stream = await OpenStreamAsync(disaster, cancel.Token, lastEventId: "0");
        await service.RecomputeNowAsync(cancel.Token);

        // Baseline of the slot (both weeks alike): 90 meters × 21 l + 5 × 22 l = 2.000 m³ (median of 2.000, 2.000);
        // 95 normally active, 5 never use water. Day D, both hours: 85 active meters read zero, 10 use 25 l = 0.25 m³.
        // 85/95 = 0.8947 ≥ 0.8 and 0.25 ≤ 0.2 × 2.0 = 0.4 for 2 consecutive hours → suspected outage since 01:00Z.
        // Households: 85 outage meters × 1.5 households per meter (catalogue) = 127.5 → 128. Latency: 03:30 − 03:00.
        var live = await stream.UntilAsync(e => IsWard(e, "suspected-outage"), cancel.Token);
        var body = await GetStatusAsync(disaster);
        var ward = Feature(body, Ward);
        Assert.Equal(
            ("suspected-outage", "2025-06-15T01:00:00Z", "2025-06-15T02:00:00Z", 100, 100, 0.8947m, 128, 1800L, 1m),
            Figures(ward));
        Assert.Equal(Figures(ward), Figures(live.Json.GetProperty("properties")));
        Assert.Equal("Ward A 1-chome", ward.GetProperty("name").GetString());

        // Sensors: 3.2 m reaches 避難判断 3.1 but not 氾濫危険 3.4; 52 mm/h is in the 50-80 band (非常に激しい雨).
        Assert.Equal(("river-level", "evacuation-judgement", 3.2m), Sensor(body, River));
        Assert.Equal(("rainfall", "band-50", 52m), Sensor(body, Rain));
        var river = body.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("properties").GetProperty("kind").GetString() == "sensor"
            && f.GetProperty("properties").GetProperty("deviceId").GetString() == River);
        Assert.Equal([139.8107, 35.7101], river.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));

        // The next day (Monday, its baseline as Sunday's) 60 of the 85 use water again: 60/85 = 0.706 ≥ 0.2 → restoring from 01:00Z, below 0.9 → not
        // restored. Households: (85 − 60) × 1.5 = 37.5 → 38. The hours between are silent (communications lost), which
        // keeps the outage open.
        _app.Time.SetUtcNow(_d.AddDays(1).AddHours(3.5));
        await PostAsync(gateway, Readings(3, [.. Times(_d.AddDays(1))], Register, QuietSends));
        await service.RecomputeNowAsync(cancel.Token);
        var next = await stream.UntilAsync(e => IsWard(e, "restoring"), cancel.Token);
        // Zero-flow ratio: the 25 still cut of 95 normally active = 0.26316 → 0.2632.
        Assert.Equal(
            ("restoring", "2025-06-16T01:00:00Z", "2025-06-16T02:00:00Z", 100, 100, 0.2632m, 38, 1800L, 1m),
            Figures(next.Json.GetProperty("properties")));
    }

    [Fact]
    public async Task GetAreaStatus_MostMetersSilent_CommunicationsLostNotOutage()
    {
        using var gateway = _app.CreateClient(IngestAppFactory.Gateway1Key);
        using var waterworks = _app.CreateClient(IngestAppFactory.WaterworksKey);
        _app.Time.SetUtcNow(_d.AddHours(3.5));
        await PostAsync(gateway, Readings(1, [.. _baselineDays.SelectMany(Times), .. Times(_d)], Register, QuietSends));

        await _app.Services.GetRequiredService<AreaStatusService>().RecomputeNowAsync(CancellationToken.None);

        // Quiet area on D: 4 of 10 meters report (all read zero), 6 send nothing. 4 ≤ 50 % of 10 → communications lost,
        // even though every reporting meter reads zero. The window before D held no data at all, so the silence runs
        // from the window's first hour (D 03:00Z − 48 h).
        var quiet = Feature(await GetStatusAsync(waterworks), Quiet);
        Assert.Equal(("communications-lost", "2025-06-13T03:00:00Z", 10, 4, 0),
            (quiet.GetProperty("status").GetString(), quiet.GetProperty("since").GetString(), quiet.GetProperty("metersTotal").GetInt32(),
             quiet.GetProperty("metersReporting").GetInt32(), quiet.GetProperty("householdsWithoutWater").GetInt32()));
    }

    [Fact]
    public async Task GetAreaStatus_AnyRole_ValidGeoJsonWithoutMeterOrHouseholdIds()
    {
        using var gateway = _app.CreateClient(IngestAppFactory.Gateway1Key);
        _app.Time.SetUtcNow(_d.AddHours(3.5));
        await PostAsync(gateway, Readings(1, [.. _baselineDays.SelectMany(Times), .. Times(_d)], Register, QuietSends));
        await PostAsync(gateway, SensorBatch(2, _d.AddHours(3)));
        await _app.Services.GetRequiredService<AreaStatusService>().RecomputeNowAsync(CancellationToken.None);

        foreach (var key in new[] { IngestAppFactory.DisasterKey, IngestAppFactory.WaterworksKey, IngestAppFactory.AdminKey })
        {
            using var client = _app.CreateClient(key);
            using var response = await client.GetAsync(new Uri("/v1/areas/status", UriKind.Relative));
            var text = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
            using var document = JsonDocument.Parse(text);
            GeoJsonRules.AssertValidCollection(document.RootElement);
            Assert.DoesNotContain("wm-", text, StringComparison.Ordinal);
            Assert.DoesNotContain("hh-", text, StringComparison.Ordinal);
            Assert.Equal(4, document.RootElement.GetProperty("features").GetArrayLength());
        }
    }

    [Fact]
    public async Task GetAreaStatus_GatewayInDisasterMode_OneHourIsEnoughAndOnlyChangesArePublished()
    {
        using var gateway = _app.CreateClient(IngestAppFactory.Gateway1Key);
        using var disaster = _app.CreateClient(IngestAppFactory.DisasterKey);
        var service = _app.Services.GetRequiredService<AreaStatusService>();
        var hub = _app.Services.GetRequiredService<Edge.Ingest.Analytics.Stream.AnalyticsEventHub>();
        _app.Time.SetUtcNow(_d.AddHours(2.5));
        // Only D's first outage hour (01:00-02:00Z) has arrived.
        await PostAsync(gateway, Readings(1, [.. _baselineDays.SelectMany(Times), _d.AddHours(1), _d.AddHours(2)], Register, QuietSends));

        await service.RecomputeNowAsync(CancellationToken.None);
        var before = WardStatus(service);
        using var listener = hub.Subscribe();
        await service.RecomputeNowAsync(CancellationToken.None);
        var quietAgain = DrainWard(listener);
        using var put = await disaster.PutAsync(new Uri($"/v1/gateways/{IngestAppFactory.Gateway1}/desired", UriKind.Relative),
            new StringContent("""{"disasterMode":{"on":true,"reason":"earthquake"}}""", System.Text.Encoding.UTF8, "application/json"));
        await service.RecomputeNowAsync(CancellationToken.None);

        // One hour of 85/95 zero and 0.25 m³: not enough normally (2 hours), enough in disaster mode (1 hour, issue 8).
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        Assert.Equal("normal", before);
        Assert.Empty(quietAgain);
        Assert.Equal("suspected-outage", WardStatus(service));
        Assert.Equal(["suspected-outage"], DrainWard(listener));
    }

    public void Dispose()
    {
        _app.Dispose();
        _dir.Dispose();
    }

    internal static IEnumerable<DateTimeOffset> Times(DateTimeOffset day) => [day.AddHours(1), day.AddHours(2), day.AddHours(3)];

    // Litres used in the hour starting at 'hour' (only 01:00 and 02:00 UTC of the data days use water).
    internal static long Use(string id, DateTimeOffset hour)
    {
        if (hour.Hour is not (1 or 2))
        {
            return 0;
        }

        var day = hour.Date == _d.Date ? 0 : hour.Date == _d.AddDays(1).Date ? 1 : -1;
        if (id.StartsWith("wm-q-", StringComparison.Ordinal))
        {
            return day == -1 ? 30 : 0;
        }

        var m = int.Parse(id[5..], System.Globalization.CultureInfo.InvariantCulture);
        return day switch
        {
            -1 => m < 90 ? 21 : m < 95 ? 22 : 0,
            0 => m is >= 85 and < 95 ? 25 : 0,
            _ => m < 60 ? 20 : m is >= 85 and < 95 ? 25 : 0,
        };
    }

    internal static long Register(string id, DateTimeOffset at) =>
        10_000 + _dataDays.SelectMany(day => new[] { day.AddHours(1), day.AddHours(2) }).Where(h => h < at).Sum(h => Use(id, h));

    // On D, quiet meters 4-9 send nothing.
    internal static bool QuietSends(string id, DateTimeOffset at) =>
        !(id.StartsWith("wm-q-", StringComparison.Ordinal) && at.Date == _d.Date && int.Parse(id[5..], System.Globalization.CultureInfo.InvariantCulture) >= 4);

    internal static async Task PostAsync(HttpClient gateway, Edge.Uplink.Batch batch)
    {
        using var response = await gateway.PostAsync(new Uri("/v1/batches", UriKind.Relative), TestBatches.Binary(batch));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    internal static async Task<SseReader> OpenStreamAsync(HttpClient client, CancellationToken cancellationToken, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/v1/stream", UriKind.Relative));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        return new SseReader(await response.Content.ReadAsStreamAsync(cancellationToken));
    }

    private static async Task<JsonElement> GetStatusAsync(HttpClient client)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/v1/areas/status", UriKind.Relative)));
        return document.RootElement.Clone();
    }

    private static string WardStatus(AreaStatusService service) =>
        Edge.Ingest.Analytics.AreaService.AreaStatusNames.Of(service.Board.Areas.Single(a => a.Area.Id == Ward).Snapshot!.Status);

    private static List<string?> DrainWard(Edge.Ingest.Analytics.Stream.AnalyticsEventHub.Subscription listener)
    {
        var statuses = new List<string?>();
        while (listener.Events.TryRead(out var e))
        {
            var p = e.Data["properties"]!;
            if (p["kind"]!.GetValue<string>() == "area" && p["areaId"]!.GetValue<string>() == Ward)
            {
                statuses.Add(p["status"]!.GetValue<string>());
            }
        }

        return statuses;
    }

    private static bool IsWard(SseEvent e, string status) => e.Type == "area-status" && Area(e.Json) == Ward
        && e.Json.GetProperty("properties").GetProperty("status").GetString() == status;

    private static string? Area(JsonElement feature) => feature.GetProperty("properties").GetProperty("areaId").GetString();

    private static JsonElement Feature(JsonElement collection, string areaId) => collection.GetProperty("features").EnumerateArray()
        .Single(f => f.GetProperty("properties").GetProperty("kind").GetString() == "area" && Area(f) == areaId).GetProperty("properties");

    private static (string?, string?, decimal) Sensor(JsonElement collection, string deviceId)
    {
        var p = collection.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties"))
            .Single(p => p.GetProperty("kind").GetString() == "sensor" && p.GetProperty("deviceId").GetString() == deviceId);
        return (p.GetProperty("quantity").GetString(), p.GetProperty("level").GetString(), p.GetProperty("value").GetDecimal());
    }

    private static (string?, string?, string?, int, int, decimal, int, long, decimal) Figures(JsonElement p) => (
        p.GetProperty("status").GetString(), p.GetProperty("since").GetString(), p.GetProperty("hour").GetString(),
        p.GetProperty("metersTotal").GetInt32(), p.GetProperty("metersReporting").GetInt32(), p.GetProperty("zeroFlowRatio").GetDecimal(),
        p.GetProperty("householdsWithoutWater").GetInt32(), p.GetProperty("dataLatencySeconds").GetInt64(), p.GetProperty("confidence").GetDecimal());
}
