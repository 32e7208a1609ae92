using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Edge.Ingest.Apis;
using Edge.Ingest.Model;
using Edge.Ingest.Registry;
using Edge.Ingest.Tests.Registry;
using Edge.Ingest.Tests.Support;

namespace Edge.Ingest.Tests.Apis.ThirdParty;

public sealed class ThirdPartyIngestApiTests
{
    private const string Document = """
        { "format": "edge.readings/1", "source": "vendor-x",
          "readings": [
            { "deviceId": "wm-1", "time": "2025-06-01T08:00:00+09:00", "channel": "volume", "value": 1234.5, "unit": "l" },
            { "deviceId": "wm-1", "time": "2025-06-01T08:30:00+09:00", "channel": "volume", "value": 1.2405, "unit": "m3", "seq": 7 } ] }
        """;

    private static StringContent Readings(string json) => new(json, Encoding.UTF8, "application/vnd.edge.readings+json");

    private static async Task RegisterAsync(IngestAppFactory app, DeviceRegistration device)
    {
        using var admin = app.CreateClient(IngestAppFactory.AdminKey);
        var put = await admin.PutAsync(
            new Uri($"/v1/admin/devices/{device.DeviceId}", UriKind.Relative),
            new StringContent(DeviceDocument.Write(device), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
    }

    [Fact]
    public async Task PostBatch_ThirdPartyDocumentTwice_StoredOnceInSiThenDuplicate()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        await RegisterAsync(app, Registrations.Meter("wm-1"));
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);

        var first = await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", Readings(Document)));
        var again = await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", Readings(Document)));

        Assert.Equal((false, 2, 0, 0, 0), (first.Duplicate, first.Stored, first.Duplicates, first.Rejected, first.Quarantined));
        Assert.StartsWith("gw-1/-", first.BatchId, StringComparison.Ordinal);
        Assert.Equal((true, first.BatchId, 0), (again.Duplicate, again.BatchId, again.Stored));
        using var reader = app.CreateClient(IngestAppFactory.ReaderKey);
        var readings = (await reader.GetFromJsonAsync<MeterReadings>("/v1/meters/wm-1/readings"))!.Readings;

        // 1234.5 l = 1.2345 m³ at 23:00Z; 1.2405 m³ at 23:30Z (08:00 and 08:30 in Tokyo, +09:00).
        Assert.Equal(
            [(new DateTimeOffset(2025, 5, 31, 23, 0, 0, TimeSpan.Zero), 1.2345, "m3", "MTQ", "gateway"),
             (new DateTimeOffset(2025, 5, 31, 23, 30, 0, TimeSpan.Zero), 1.2405, "m3", "MTQ", "gateway")],
            readings.Select(r => (r.ObservedAt, r.Value, r.Unit, r.UnitCode, r.ClockQuality)));
        Assert.Equal(7L, readings[1].Seq);
        Assert.Equal(new IngestStats(1, 1, 2, 0, 0), await ApiAssert.StatsAsync(app));
    }

    [Fact]
    public async Task PostBatch_ThirdPartyOverlappingDocument_OnlyNewReadingStored()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        await RegisterAsync(app, Registrations.Meter("wm-1"));
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);
        await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", Readings(Document)));

        // The first reading again (no seq: the same device, channel and time) and a new one.
        var overlapping = await ApiAssert.AcceptedAsync(await gateway.PostAsync("/v1/batches", Readings("""
            { "format": "edge.readings/1", "readings": [
              { "deviceId": "wm-1", "time": "2025-05-31T23:00:00Z", "channel": "volume", "value": 1234.5, "unit": "l" },
              { "deviceId": "wm-1", "time": "2025-06-01T00:00:00Z", "channel": "volume", "value": 1250, "unit": "l" } ] }
            """)));

        Assert.Equal((false, 1, 1), (overlapping.Duplicate, overlapping.Stored, overlapping.Duplicates));
    }

    [Fact]
    public async Task PostBatch_ThirdPartyDocumentWithDefects_422ListingPathsNothingStored()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);

        var response = await gateway.PostAsync("/v1/batches", Readings("""
            { "format": "edge.readings/1", "readings": [
              { "deviceId": "wm-1", "time": "2025-06-01T08:00:00", "channel": "volume", "value": "1", "unit": "l" } ] }
            """));

        await ApiAssert.ProblemAsync(response, HttpStatusCode.UnprocessableEntity, ProblemTypes.InvalidBatch);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = json.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("path").GetString()).Order();
        Assert.Equal(["$.readings[0].time", "$.readings[0].value"], paths);
        await ApiAssert.NothingStoredAsync(app);
    }

    [Fact]
    public async Task PostBatch_ThirdPartyDeviceOfAnotherGateway_403NothingStored()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        await RegisterAsync(app, Registrations.Meter("wm-1", gatewayId: "gw-2"));
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);

        var response = await gateway.PostAsync("/v1/batches", Readings(Document));

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden, ProblemTypes.DeviceNotOwned);
        await ApiAssert.NothingStoredAsync(app);
    }

    [Fact]
    public async Task PostBatch_ThirdPartyNotJson_400()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var gateway = app.CreateClient(IngestAppFactory.Gateway1Key);

        var response = await gateway.PostAsync("/v1/batches", Readings("{ not json"));

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, ProblemTypes.MalformedBatch);
    }

    [Fact]
    public async Task OpenApiDocument_BatchesBody_DescribesThirdPartyFormat()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var client = app.CreateClient(apiKey: null);

        var text = await client.GetStringAsync("/openapi/v1.json");

        using var document = JsonDocument.Parse(text);
        var content = document.RootElement.GetProperty("paths").GetProperty("/v1/batches").GetProperty("post")
            .GetProperty("requestBody").GetProperty("content");
        Assert.True(content.TryGetProperty("application/vnd.edge.readings+json", out var media));
        var schema = media.GetProperty("schema");
        var resolved = schema.TryGetProperty("$ref", out var reference)
            ? document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;
        Assert.Equal(["format", "readings", "source"], resolved.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order());
    }
}
