using System.Net;
using System.Text.Json;
using Edge.Ingest.Tests.Registry;
using Edge.Ingest.Tests.Support;
using Edge.Uplink;

namespace Edge.Ingest.Tests.Apis;

public sealed class NgsiLdApiTests
{
    private static readonly DateTimeOffset _h20 = new(2025, 5, 31, 20, 0, 0, TimeSpan.Zero);

    private static async Task<IngestAppFactory> StartAsync(TempDirectory dir)
    {
        var app = new IngestAppFactory(dir.DatabasePath);
        await ApiAssert.RegisterAsync(app, Registrations.Meter("wm-1"), Registrations.Meter("wm-2", area: "13102"), Registrations.RainGauge("rain-1"));
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);

        // wm-1: registers 1,000 l then 1,234 l an hour later (sent in reverse order: latest is by observed time).
        await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(
            TestBatches.Litres(IngestAppFactory.Gateway1, 1, "wm-1", (2, _h20.AddHours(1), 1234)))));
        await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(
            TestBatches.Litres(IngestAppFactory.Gateway1, 2, "wm-1", (1, _h20, 1000)))));

        // rain-1: 0.5 mm then 2.5 mm (mantissa × 10^-1 mm).
        var rain = new DeviceRun("rain-1",
        [
            new ChannelRun("rain", "mm", 1,
            [
                new ReadingPoint(1, _h20.ToUnixTimeMilliseconds(), 5, ClockQuality.Ntp, 0),
                new ReadingPoint(2, _h20.AddMinutes(10).ToUnixTimeMilliseconds(), 25, ClockQuality.Ntp, 0),
            ]),
        ]);
        await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(TestBatches.Create(IngestAppFactory.Gateway1, 3, rain))));
        return app;
    }

    private static JsonElement Entity(JsonDocument doc, string id) =>
        doc.RootElement.EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);

    [Fact]
    public async Task GetWaterConsumption_LatestRegisterByObservedTime_InWholeLitresWithDevices()
    {
        using var dir = new TempDirectory();
        await using var app = await StartAsync(dir);
        using var waterworks = app.CreateClient(IngestAppFactory.WaterworksKey);

        using var response = await waterworks.GetAsync(new Uri("/v1/export/ngsi-ld/water-consumption", UriKind.Relative));
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/ld+json", response.Content.Headers.ContentType?.MediaType);
        var observed = Entity(doc, "urn:ngsi-ld:WaterConsumptionObserved:wm-1");
        Assert.Equal("WaterConsumptionObserved", observed.GetProperty("type").GetString());
        var consumption = observed.GetProperty("waterConsumption");
        Assert.Equal(1234, consumption.GetProperty("value").GetInt64());
        Assert.Equal("LTR", consumption.GetProperty("unitCode").GetString());
        Assert.Equal(_h20.AddHours(1), consumption.GetProperty("observedAt").GetDateTimeOffset());

        // wm-2 has no readings: its Device entity only. No sensor appears in the meters' export.
        Assert.DoesNotContain(doc.RootElement.EnumerateArray(), e => e.GetProperty("id").GetString() == "urn:ngsi-ld:WaterConsumptionObserved:wm-2");
        Assert.Equal("Device", Entity(doc, "urn:ngsi-ld:Device:wm-2").GetProperty("type").GetString());
        Assert.DoesNotContain("rain-1", doc.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 1)] // FRAME.md flag bit 0, reverse: "potential of backflows occurring"
    [InlineData(2, 0)] // tamper only
    [InlineData(0, 0)]
    public async Task GetWaterConsumption_LatestReadingFlags_AlarmWaterQualityFromTheReverseBit(int flags, int alarm)
    {
        using var dir = new TempDirectory();
        await using var app = await StartAsync(dir);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        var backflow = new DeviceRun("wm-2",
        [
            new ChannelRun("volume", "l", 0,
            [
                new ReadingPoint(1, _h20.ToUnixTimeMilliseconds(), 500, ClockQuality.Ntp, 0),
                new ReadingPoint(2, _h20.AddHours(1).ToUnixTimeMilliseconds(), 480, ClockQuality.Ntp, flags),
            ]),
        ]);
        await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", TestBatches.Binary(TestBatches.Create(IngestAppFactory.Gateway1, 4, backflow))));
        using var waterworks = app.CreateClient(IngestAppFactory.WaterworksKey);

        using var doc = JsonDocument.Parse(await waterworks.GetStringAsync(new Uri("/v1/export/ngsi-ld/water-consumption", UriKind.Relative)));

        var observed = Entity(doc, "urn:ngsi-ld:WaterConsumptionObserved:wm-2");
        Assert.Equal(480, observed.GetProperty("waterConsumption").GetProperty("value").GetInt64());
        Assert.Equal(alarm, observed.GetProperty("alarmWaterQuality").GetProperty("value").GetInt32());
    }

    [Fact]
    public async Task GetWaterConsumption_Area_OnlyThatMunicipality()
    {
        using var dir = new TempDirectory();
        await using var app = await StartAsync(dir);
        using var waterworks = app.CreateClient(IngestAppFactory.WaterworksKey);

        using var doc = JsonDocument.Parse(await waterworks.GetStringAsync(new Uri("/v1/export/ngsi-ld/water-consumption?area=13102", UriKind.Relative)));
        using var bad = await waterworks.GetAsync(new Uri("/v1/export/ngsi-ld/water-consumption?area=abc", UriKind.Relative));

        Assert.Equal(["urn:ngsi-ld:Device:wm-2"], doc.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task GetObservations_RainGauge_WeatherObservedOfLatestTimeNoMeters()
    {
        using var dir = new TempDirectory();
        await using var app = await StartAsync(dir);
        using var disaster = app.CreateClient(IngestAppFactory.DisasterKey);

        using var doc = JsonDocument.Parse(await disaster.GetStringAsync(new Uri("/v1/export/ngsi-ld/observations", UriKind.Relative)));

        var weather = Entity(doc, "urn:ngsi-ld:WeatherObserved:rain-1");
        Assert.Equal(_h20.AddMinutes(10), weather.GetProperty("dateObserved").GetProperty("value").GetProperty("@value").GetDateTimeOffset());
        Assert.Equal(2.5, weather.GetProperty("precipitation").GetProperty("value").GetDouble());
        Assert.Equal("MMT", weather.GetProperty("precipitation").GetProperty("unitCode").GetString());
        Assert.DoesNotContain("wm-1", doc.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("water-consumption", IngestAppFactory.WaterworksKey, HttpStatusCode.OK)]
    [InlineData("water-consumption", IngestAppFactory.ReaderKey, HttpStatusCode.OK)]
    [InlineData("water-consumption", IngestAppFactory.AdminKey, HttpStatusCode.OK)]
    [InlineData("water-consumption", IngestAppFactory.DisasterKey, HttpStatusCode.Forbidden)]
    [InlineData("water-consumption", IngestAppFactory.WelfareKey, HttpStatusCode.Forbidden)]
    [InlineData("water-consumption", IngestAppFactory.Gateway1Key, HttpStatusCode.Forbidden)]
    [InlineData("water-consumption", null, HttpStatusCode.Unauthorized)]
    [InlineData("observations", IngestAppFactory.DisasterKey, HttpStatusCode.OK)]
    [InlineData("observations", IngestAppFactory.AdminKey, HttpStatusCode.OK)]
    [InlineData("observations", IngestAppFactory.WaterworksKey, HttpStatusCode.Forbidden)]
    [InlineData("observations", IngestAppFactory.WelfareKey, HttpStatusCode.Forbidden)]
    [InlineData("observations", IngestAppFactory.Gateway1Key, HttpStatusCode.Forbidden)]
    [InlineData("observations", null, HttpStatusCode.Unauthorized)]
    public async Task Get_EachRole_SeesOnlyItsExport(string export, string? key, HttpStatusCode expected)
    {
        using var dir = new TempDirectory();
        await using var app = await StartAsync(dir);
        using var client = app.CreateClient(key);

        using var response = await client.GetAsync(new Uri($"/v1/export/ngsi-ld/{export}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK, body.Contains(export == "observations" ? "rain-1" : "wm-1", StringComparison.Ordinal));
    }
}
