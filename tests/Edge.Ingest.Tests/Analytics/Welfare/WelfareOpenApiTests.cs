using System.Text.Json;
using Edge.Ingest.Tests.Support;

namespace Edge.Ingest.Tests.Analytics.Welfare;

/// <summary>The OpenAPI document describes the welfare service's endpoints: key required, 403 and 404 problems, bodies.</summary>
public sealed class WelfareOpenApiTests
{
    [Fact]
    public async Task OpenApiDocument_Served_DescribesWelfareEventsAndHouseholds()
    {
        using var dir = new TempDirectory();
        await using var app = new IngestAppFactory(dir.DatabasePath);
        using var client = app.CreateClient(apiKey: null);

        using var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));

        var paths = document.RootElement.GetProperty("paths");
        var household = paths.GetProperty("/v1/welfare/households/{householdId}");
        var operations = new[]
        {
            paths.GetProperty("/v1/welfare/events").GetProperty("get"),
            paths.GetProperty("/v1/welfare/events/{eventId}/acknowledge").GetProperty("post"),
            household.GetProperty("get"), household.GetProperty("put"),
            paths.GetProperty("/v1/welfare/households/{householdId}/snooze").GetProperty("post"),
            paths.GetProperty("/v1/welfare/households/{householdId}/snooze").GetProperty("delete"),
            paths.GetProperty("/v1/welfare/households/{householdId}/away").GetProperty("post"),
            paths.GetProperty("/v1/welfare/households/{householdId}/away").GetProperty("delete"),
        };
        foreach (var operation in operations)
        {
            Assert.True(operation.GetProperty("security")[0].TryGetProperty("ApiKey", out _));
            Assert.True(operation.GetProperty("responses").TryGetProperty("403", out _));
            Assert.True(operation.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/json", out _));
        }

        Assert.Contains(operations[0].GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "household");
        foreach (var withBody in new[] { operations[1], operations[3], operations[4] })
        {
            Assert.True(withBody.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
            Assert.True(withBody.GetProperty("responses").TryGetProperty("422", out _));
        }

        Assert.True(operations[2].GetProperty("responses").TryGetProperty("404", out _));
    }
}
