using System.Net;
using System.Text;
using Edge.Ingest.Apis;
using Edge.Ingest.Registry;
using Edge.Ingest.Tests.Registry;
using Edge.Ingest.Tests.Support;

namespace Edge.Ingest.Tests.Apis;

public sealed class ExportApiTests
{
    // 2025-05-01 00:00 JST and 2025-06-01 00:00 JST.
    private static readonly DateTimeOffset _mayStart = new(2025, 4, 30, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset _juneStart = new(2025, 5, 31, 15, 0, 0, TimeSpan.Zero);

    private static async Task<IngestAppFactory> AppWithTwoMetersAsync(TempDirectory dir)
    {
        var app = new IngestAppFactory(dir.DatabasePath);
        using var admin = app.CreateClient(IngestAppFactory.AdminKey);
        foreach (var meter in new[] { Registrations.Meter("wm-1"), Registrations.Meter("wm-2", area: "13104") })
        {
            var put = await admin.PutAsync(
                new Uri($"/v1/admin/devices/{meter.DeviceId}", UriKind.Relative),
                new StringContent(DeviceDocument.Write(meter), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        }

        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(
            TestBatches.Litres("gw-1", 1, "wm-1", (1, _mayStart, 1000), (2, _juneStart, 13500)))));
        return app;
    }

    [Fact]
    public async Task GetBillingCsv_MayForAllMeters_OneRowPerMeterGapAsMissing()
    {
        using var dir = new TempDirectory();
        await using var app = await AppWithTwoMetersAsync(dir);
        using var waterworks = app.CreateClient(IngestAppFactory.WaterworksKey);

        var response = await waterworks.GetAsync(new Uri("/v1/export/billing.csv?from=2025-05&to=2025-06", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);

        // 13 500 l - 1 000 l = 12.5 m³; wm-2 sent nothing.
        Assert.Equal(
            "meter_id,period_start,period_end,start_register_m3,end_register_m3,volume_m3,quality,quality_reason\r\n" +
            "wm-1,2025-05-01T00:00:00+09:00,2025-06-01T00:00:00+09:00,1,13.5,12.5,good,\r\n" +
            "wm-2,2025-05-01T00:00:00+09:00,2025-06-01T00:00:00+09:00,,,,missing,No register reading within 5 min of either boundary.\r\n",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task GetBillingCsv_AreaShinjuku_OnlyItsMeter()
    {
        using var dir = new TempDirectory();
        await using var app = await AppWithTwoMetersAsync(dir);
        using var admin = app.CreateClient(IngestAppFactory.AdminKey);

        var csv = await admin.GetStringAsync(new Uri("/v1/export/billing.csv?from=2025-05&to=2025-06&area=13104", UriKind.Relative));

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("wm-2,", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("from=2025-05")]
    [InlineData("from=2025-05&to=2025-06&area=99999")]
    [InlineData("from=2025-05&to=2025-06&interval=week")]
    public async Task GetBillingCsv_BadParameters_400(string query)
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var waterworks = app.CreateClient(IngestAppFactory.WaterworksKey);

        var response = await waterworks.GetAsync(new Uri($"/v1/export/billing.csv?{query}", UriKind.Relative));

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.InvalidQuery);
    }

    [Theory]
    [InlineData(IngestAppFactory.WaterworksKey, HttpStatusCode.OK)]
    [InlineData(IngestAppFactory.ReaderKey, HttpStatusCode.OK)]
    [InlineData(IngestAppFactory.AdminKey, HttpStatusCode.OK)]
    [InlineData(IngestAppFactory.DisasterKey, HttpStatusCode.Forbidden)]
    [InlineData(IngestAppFactory.WelfareKey, HttpStatusCode.Forbidden)]
    [InlineData(IngestAppFactory.Gateway1Key, HttpStatusCode.Forbidden)]
    public async Task GetBillingCsv_EachRole_OnlyWaterworksAndAdmin(string key, HttpStatusCode expected)
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var client = app.CreateClient(key);

        var response = await client.GetAsync(new Uri("/v1/export/billing.csv?from=2025-05&to=2025-06", UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }
}
