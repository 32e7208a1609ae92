using System.Net;
using System.Text.Json;
using Edge.Ingest.Tests.Support;
using static Edge.Ingest.Tests.Analytics.AreaService.AreaBalanceFleet;

namespace Edge.Ingest.Tests.Analytics.AreaService;

/// <summary>
/// <c>GET /v1/areas/{areaId}/balance</c> on Kestrel (loopback), from register readings posted as batches. The volumes
/// are those of <see cref="AreaBalanceFleet"/>; every expected figure is added up by hand in the comments.
/// </summary>
public sealed class AreaBalanceApiTests : IDisposable
{
    private const string Period = "from=2025-06-01T15:00:00Z&to=2025-06-04T15:00:00Z";

    private readonly TempDirectory _dir = new();
    private readonly IngestAppFactory _app;

    public AreaBalanceApiTests()
    {
        _app = new IngestAppFactory(_dir.DatabasePath, Settings(_dir));
        _app.UseKestrel(0);
        _app.StartServer();
        _app.Time.SetUtcNow(To.AddHours(1));
    }

    [Fact]
    public async Task GetBalance_InflowTenPercentAboveBilled_LossesAndNightFlowByHand()
    {
        await PostAsync(InflowBatch(1));
        await PostAsync(CustomerBatch(2));

        using var body = await GetOkAsync(IngestAppFactory.WaterworksKey, $"/v1/areas/{Dma}/balance?{Period}");
        var root = body.RootElement;

        // Inflow over 72 h: 54 day hours × 43 l = 2322 l, + 2 l (3 June 12:00) + 5 l (4 June 13:00) = 2329 l; 18 night
        // hours × 3 l = 54 l, − 2 l (3 June 03:00 at 1 l) = 52 l. Forward 2381 l, reverse 5 l, net 2.376 m³.
        var inflow = root.GetProperty("inflow");
        Assert.Equal((Inflow, 2.376m, 2.381m, 0.005m, 72, 72),
            (inflow.GetProperty("meterId").GetString(), inflow.GetProperty("volumeM3").GetDecimal(), inflow.GetProperty("forwardM3").GetDecimal(),
             inflow.GetProperty("reverseM3").GetDecimal(), inflow.GetProperty("hoursPresent").GetInt32(), inflow.GetProperty("hoursExpected").GetInt32()));

        // Billed: 4 customers × 54 day hours × 10 l = 2160 l = 2.160 m³; every one of 4 × 72 = 288 meter-hours present.
        var billed = root.GetProperty("billed");
        Assert.Equal((2.16m, 4, 4, 4, 288, 288),
            (billed.GetProperty("volumeM3").GetDecimal(), billed.GetProperty("meters").GetInt32(), billed.GetProperty("metersWithVolume").GetInt32(),
             billed.GetProperty("metersReporting").GetInt32(), billed.GetProperty("hoursPresent").GetInt32(), billed.GetProperty("hoursExpected").GetInt32()));

        // Inflow is 10 % above billed (the 3 l/h leak over 72 h = 216 l = 10 % of 2160 l): losses 0.216 m³, which is
        // 0.216 / 2.376 = 0.090909… → 0.0909 of the inflow (the IWA share of system input volume).
        Assert.Equal((0.216m, 0.0909m, true, 0),
            (root.GetProperty("nonRevenueM3").GetDecimal(), root.GetProperty("nonRevenueShare").GetDecimal(),
             root.GetProperty("complete").GetBoolean(), root.GetProperty("problems").GetArrayLength()));

        // Nights' lowest hours: 27-31 May and 1 June 8, 6, 7, 5, 9, 4 l; in the period 2 June 3 l, 3 June 1 l, 4 June 3 l.
        // Nearest-rank 20th percentile of 7 nights = rank ⌈0.2 × 7⌉ = 2, the second smallest:
        // 2 June [3,4,5,6,7,8,9] → 4 l; 3 June [1,3,4,5,6,7,9] → 3 l; 4 June [1,3,3,4,5,7,9] → 3 l.
        Assert.Equal(
            [("2025-06-02", 0.003m, 0.004m, 7), ("2025-06-03", 0.001m, 0.003m, 7), ("2025-06-04", 0.003m, 0.003m, 7)],
            root.GetProperty("minimumNightFlow").EnumerateArray().Select(n => (n.GetProperty("night").GetString(),
                n.GetProperty("lowestM3").GetDecimal(), n.GetProperty("minimumNightFlowM3").GetDecimal(), n.GetProperty("nightsInWindow").GetInt32())));

        // Aggregates only: no customer meter or household.
        Assert.DoesNotContain("wm-d-", root.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("hh-d-", root.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetBalance_InflowHoursMissingAndACustomerSilent_IncompleteWithEachProblem()
    {
        // The inflow poll at 3 June 03:00:30Z is lost: the hours 02-03Z and 03-04Z have no volume. Customer 4 sends
        // nothing after 4 June 12:00Z: its hours 12-13Z, 13-14Z and 14-15Z are missing, and so is its register at 'to'.
        await PostAsync(InflowBatch(1, skip: t => t == new DateTimeOffset(2025, 6, 3, 3, 0, 0, TimeSpan.Zero)));
        await PostAsync(CustomerBatch(2, sends: (id, t) => id != Customer(4) || t <= To.AddHours(-3)));

        using var body = await GetOkAsync(IngestAppFactory.AdminKey, $"/v1/areas/{Dma}/balance?{Period}");
        var root = body.RootElement;

        // The inflow still has registers at both ends: 2.376 m³ as before, from 70 of 72 hours. Billed: 3 customers ×
        // 0.54 m³ = 1.62 m³ (a lower bound); losses 2.376 − 1.62 = 0.756 m³ (an upper bound), 0.756 / 2.376 = 0.31818… →
        // 0.3182. Customer hours: 288 − 3 = 285.
        var (inflow, billed) = (root.GetProperty("inflow"), root.GetProperty("billed"));
        Assert.Equal((2.376m, 70, 72), (inflow.GetProperty("volumeM3").GetDecimal(), inflow.GetProperty("hoursPresent").GetInt32(), inflow.GetProperty("hoursExpected").GetInt32()));
        Assert.Equal((1.62m, 3, 4, 285, 288),
            (billed.GetProperty("volumeM3").GetDecimal(), billed.GetProperty("metersWithVolume").GetInt32(), billed.GetProperty("metersReporting").GetInt32(),
             billed.GetProperty("hoursPresent").GetInt32(), billed.GetProperty("hoursExpected").GetInt32()));
        Assert.Equal((0.756m, 0.3182m, false),
            (root.GetProperty("nonRevenueM3").GetDecimal(), root.GetProperty("nonRevenueShare").GetDecimal(), root.GetProperty("complete").GetBoolean()));
        Assert.Equal(
            [
                "The inflow meter has volumes for 70 of 72 hours.",
                "1 of 4 customer meters have no volume for the period: billed is a lower bound and the losses an upper bound.",
                "The customer meters have volumes for 285 of 288 meter-hours.",
            ],
            root.GetProperty("problems").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task GetBalance_NoInflowReadings_InflowUnknownNightsNull()
    {
        await PostAsync(CustomerBatch(2));

        using var body = await GetOkAsync(IngestAppFactory.WaterworksKey, $"/v1/areas/{Dma}/balance?{Period}");
        var root = body.RootElement;

        Assert.Equal(JsonValueKind.Null, root.GetProperty("inflow").GetProperty("volumeM3").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("nonRevenueM3").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("nonRevenueShare").ValueKind);
        Assert.Equal(2.16m, root.GetProperty("billed").GetProperty("volumeM3").GetDecimal());
        Assert.All(root.GetProperty("minimumNightFlow").EnumerateArray(), n => Assert.Equal(
            (JsonValueKind.Null, JsonValueKind.Null, 0), (n.GetProperty("lowestM3").ValueKind, n.GetProperty("minimumNightFlowM3").ValueKind, n.GetProperty("nightsInWindow").GetInt32())));
        Assert.StartsWith("The inflow meter has no register reading near the start or the end", root.GetProperty("problems")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nowhere", Period, HttpStatusCode.NotFound, "urn:edge:problem:unknown-area", "No status area 'nowhere'")]
    [InlineData(Plain, Period, HttpStatusCode.Conflict, "urn:edge:problem:no-inflow-meter", "has no district inflow meter (inflowMeterId in the area catalogue)")]
    [InlineData(Orphan, Period, HttpStatusCode.Conflict, "urn:edge:problem:no-inflow-meter", "'fm-not-registered' of area 'dma-2' is not registered")]
    [InlineData(Dma, "from=2025-06-01T15:00:00Z", HttpStatusCode.BadRequest, "urn:edge:problem:invalid-query", "Both 'from' and 'to' are required.")]
    [InlineData(Dma, "from=2025-06-01T15:30:00Z&to=2025-06-04T15:00:00Z", HttpStatusCode.BadRequest, "urn:edge:problem:invalid-query", "must be whole UTC hours")]
    [InlineData(Dma, "from=2025-06-04T15:00:00Z&to=2025-06-01T15:00:00Z", HttpStatusCode.BadRequest, "urn:edge:problem:invalid-query", "must be before 'to'")]
    [InlineData(Dma, "from=2025-06-01T15:00:00Z&to=2025-07-02T16:00:00Z", HttpStatusCode.BadRequest, "urn:edge:problem:invalid-query", "at most 744 hours (31 days); 745 asked for")]
    [InlineData(Dma, "from=yesterday&to=2025-06-04T15:00:00Z", HttpStatusCode.BadRequest, "urn:edge:problem:invalid-query", "is not an ISO 8601 instant")]
    public async Task GetBalance_BadAreaOrPeriod_ClearProblem(string area, string query, HttpStatusCode status, string type, string detail)
    {
        using var client = _app.CreateClient(IngestAppFactory.WaterworksKey);

        using var response = await client.GetAsync(new Uri($"/v1/areas/{area}/balance?{query}", UriKind.Relative));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(type, problem.RootElement.GetProperty("type").GetString());
        Assert.Contains(detail, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(IngestAppFactory.DisasterKey)]
    [InlineData(IngestAppFactory.WelfareKey)]
    [InlineData(IngestAppFactory.Gateway1Key)]
    public async Task GetBalance_NotWaterworks_Forbidden(string key)
    {
        await PostAsync(InflowBatch(1));
        using var client = _app.CreateClient(key);

        using var response = await client.GetAsync(new Uri($"/v1/areas/{Dma}/balance?{Period}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(Inflow, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _app.Dispose();
        _dir.Dispose();
    }

    private async Task PostAsync(Edge.Uplink.Batch batch)
    {
        using var gateway = _app.CreateClient(IngestAppFactory.Gateway1Key);
        using var response = await gateway.PostAsync(new Uri("/v1/batches", UriKind.Relative), TestBatches.Binary(batch));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        using var accepted = JsonDocument.Parse(text);
        Assert.Equal(0, accepted.RootElement.GetProperty("rejected").GetInt32());
    }

    private async Task<JsonDocument> GetOkAsync(string key, string path)
    {
        using var client = _app.CreateClient(key);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonDocument.Parse(text);
    }
}
