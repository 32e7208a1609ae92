using System.Text.Json;
using Edge.Ingest.Tests.Support;

namespace Edge.Ingest.Tests.Analytics.AreaService;

/// <summary>The OpenAPI document describes the area status, the DMA balance, the stream and a meter's status area.</summary>
public sealed class AreaOpenApiTests
{
    [Fact]
    public async Task OpenApiDocument_Served_DescribesAreaStatusBalanceStreamAndStatusArea()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var client = app.CreateClient(apiKey: null);

        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var paths = document.RootElement.GetProperty("paths");
        var status = paths.GetProperty("/v1/areas/status").GetProperty("get");
        var stream = paths.GetProperty("/v1/stream").GetProperty("get");
        Assert.True(status.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/geo+json", out _));
        Assert.True(stream.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/event-stream", out _));
        foreach (var operation in new[] { status, stream })
        {
            Assert.True(operation.GetProperty("security")[0].TryGetProperty("ApiKey", out _));
            Assert.True(operation.GetProperty("responses").TryGetProperty("403", out _));
        }

        // The DMA balance: its parameters, its answer's schema with the losses and night flow, and its problems.
        var balance = paths.GetProperty("/v1/areas/{areaId}/balance").GetProperty("get");
        Assert.Equal(["areaId", "from", "to"], balance.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.True(balance.GetProperty("security")[0].TryGetProperty("ApiKey", out _));
        Assert.All(new[] { "400", "403", "404", "409" }, code => Assert.True(balance.GetProperty("responses").TryGetProperty(code, out _), code));
        var report = balance.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var schema = report.TryGetProperty("$ref", out var reference)
            ? document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : report;
        Assert.All(new[] { "inflow", "billed", "nonRevenueM3", "nonRevenueShare", "complete", "problems", "minimumNightFlow" },
            name => Assert.True(schema.GetProperty("properties").TryGetProperty(name, out _), name));

        var put = paths.GetProperty("/v1/admin/devices/{id}").GetProperty("put");
        var device = put.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.True(device.GetProperty("properties").TryGetProperty("statusArea", out _));
    }
}
