using System.Net;
using System.Text.Json;
using Edge.Ingest.Tests.Support;

namespace Edge.Ingest.Tests.Apis;

public sealed class IngestOpenApiTests
{
    [Fact]
    public async Task OpenApiDocument_Served_DescribesBatchesBodiesProblemsAndApiKey()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var client = app.CreateClient(apiKey: null);

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var root = document.RootElement;
        var post = root.GetProperty("paths").GetProperty("/v1/batches").GetProperty("post");
        var bodyTypes = post.GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(p => p.Name);
        Assert.Equal(["application/vnd.edge.batch.v1", "application/json", "application/vnd.edge.readings+json"], bodyTypes);
        foreach (var status in new[] { "400", "401", "403", "413", "415", "422" })
        {
            Assert.True(post.GetProperty("responses").GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), status);
        }

        Assert.True(post.GetProperty("security")[0].TryGetProperty("ApiKey", out _));
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        Assert.True(root.GetProperty("paths").TryGetProperty("/v1/meters/{id}/readings", out _));
        Assert.True(root.GetProperty("paths").TryGetProperty("/v1/stats", out _));
    }

    [Fact]
    public async Task OpenApiDocument_Served_DescribesRejectedQuery()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var client = app.CreateClient(apiKey: null);

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var get = document.RootElement.GetProperty("paths").GetProperty("/v1/rejected").GetProperty("get");
        var parameters = get.GetProperty("parameters").EnumerateArray()
            .Select(p => (p.GetProperty("name").GetString(), p.GetProperty("in").GetString())).Order();
        Assert.Equal([("deviceId", "query"), ("from", "query"), ("limit", "query"), ("to", "query")], parameters);
        Assert.Contains("Roles: reader, admin.", get.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(get.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/json", out _));
        foreach (var status in new[] { "400", "401", "403" })
        {
            Assert.True(get.GetProperty("responses").GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _), status);
        }
    }

    [Fact]
    public async Task OpenApiDocument_PutDevice_BodySchemaFitsEveryDemoSeedDevice()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var client = app.CreateClient(apiKey: null);

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));

        var put = document.RootElement.GetProperty("paths").GetProperty("/v1/admin/devices/{id}").GetProperty("put");
        var schema = put.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Equal(
            ["areaCode", "channels", "deviceId", "gatewayId", "kind", "location"],
            schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.Contains("water-meter", schema.GetProperty("properties").GetProperty("kind").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));

        // The demo seed (a document the registry accepts) has only members the schema names, and all it requires.
        using var seed = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Registry", "demo-seed.json")));
        foreach (var device in seed.RootElement.GetProperty("devices").EnumerateArray())
        {
            AssertFits(schema, device, "$");
        }
    }

    private static void AssertFits(JsonElement schema, JsonElement value, string path)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                Assert.Equal("object", schema.GetProperty("type").GetString());
                var properties = schema.GetProperty("properties");
                foreach (var member in value.EnumerateObject())
                {
                    Assert.True(properties.TryGetProperty(member.Name, out var inner), $"{path}.{member.Name} is not in the schema");
                    AssertFits(inner, member.Value, $"{path}.{member.Name}");
                }

                if (schema.TryGetProperty("required", out var required))
                {
                    foreach (var name in required.EnumerateArray())
                    {
                        Assert.True(value.TryGetProperty(name.GetString()!, out _), $"{path} lacks {name}");
                    }
                }

                break;
            case JsonValueKind.Array:
                Assert.Equal("array", schema.GetProperty("type").GetString());
                foreach (var item in value.EnumerateArray())
                {
                    AssertFits(schema.GetProperty("items"), item, $"{path}[]");
                }

                break;
            case JsonValueKind.String:
                Assert.Equal("string", schema.GetProperty("type").GetString());
                if (schema.TryGetProperty("enum", out var values))
                {
                    Assert.Contains(value.GetString(), values.EnumerateArray().Select(v => v.GetString()));
                }

                break;
            case JsonValueKind.Number:
                Assert.Contains(schema.GetProperty("type").GetString(), new[] { "number", "integer" });
                break;
            default:
                Assert.Equal("boolean", schema.GetProperty("type").GetString());
                break;
        }
    }

    [Fact]
    public async Task Healthz_DatabaseOpen_200()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var client = app.CreateClient(apiKey: null);

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
