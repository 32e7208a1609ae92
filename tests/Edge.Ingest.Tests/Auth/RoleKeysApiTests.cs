using System.Net;
using Edge.Ingest.Apis;
using Edge.Ingest.Tests.Support;

namespace Edge.Ingest.Tests.Auth;

public sealed class RoleKeysApiTests
{
    private static IngestAppFactory App(TempDirectory dir) => new(dir.DatabasePath, new Dictionary<string, string?>
    {
        ["ApiKeys:4:Key"] = "test-key-waterworks",
        ["ApiKeys:4:Role"] = "waterworks",
        ["ApiKeys:5:Key"] = "test-key-disaster",
        ["ApiKeys:5:Role"] = "disaster",
        ["ApiKeys:6:Key"] = "test-key-welfare",
        ["ApiKeys:6:Role"] = "welfare",
    });

    [Fact]
    public async Task GetStats_WaterworksKeyOnAReaderEndpoint_200()
    {
        using var dir = new TempDirectory();
        await using var app = App(dir);
        using var waterworks = app.CreateClient("test-key-waterworks");

        var response = await waterworks.GetAsync(new Uri("/v1/stats", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("test-key-disaster", "'disaster'")]
    [InlineData("test-key-welfare", "'welfare'")]
    public async Task GetReadings_DisasterOrWelfareKey_403NamingTheRole(string key, string role)
    {
        using var dir = new TempDirectory();
        await using var app = App(dir);
        using var client = app.CreateClient(key);

        var response = await client.GetAsync(new Uri("/v1/meters/m-1/readings", UriKind.Relative));

        var detail = await ApiAssert.ProblemAsync(response, HttpStatusCode.Forbidden, ProblemTypes.Forbidden);
        Assert.Contains(role, detail, StringComparison.Ordinal);
    }
}
