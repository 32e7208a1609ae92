using System.Text.Json;
using Edge.Ingest.Tests.Support;

namespace Edge.Ingest.Tests.Analytics.AreaService;

/// <summary>The OpenAPI document describes the area status, the stream and a meter's status area.</summary>
public sealed class AreaOpenApiTests
{
    [Fact]
    public async Task OpenApiDocument_Served_DescribesAreaStatusStreamAndStatusArea()
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

        var put = paths.GetProperty("/v1/admin/devices/{id}").GetProperty("put");
        var device = put.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.True(device.GetProperty("properties").TryGetProperty("statusArea", out _));
    }
}
