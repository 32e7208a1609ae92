using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Edge.Ingest.Apis;
using Edge.Ingest.Tests.Support;

namespace Edge.Ingest.Tests.Apis;

/// <summary>
/// Issue 6, remote configuration at the ingest: versioned desired documents (ETag, If-None-Match), the disaster role's
/// narrow right, a gateway limited to its own id, reports, and problem details that change nothing.
/// </summary>
public sealed class GatewayControlApiTests : IAsyncLifetime
{
    private const string Desired = "/v1/gateways/gw-1/desired";
    private const string Reported = "/v1/gateways/gw-1/reported";
    private readonly TempDirectory _dir = new();
    private IngestAppFactory _app = null!;

    public Task InitializeAsync()
    {
        _app = new IngestAppFactory(_dir.DatabasePath);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _dir.Dispose();
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static Uri Relative(string path) => new(path, UriKind.Relative);

    private async Task<(HttpStatusCode Status, JsonElement Body)> PutAsync(string key, string path, string json)
    {
        using var client = _app.CreateClient(key);
        using var response = await client.PutAsync(Relative(path), Json(json));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<JsonElement?> StoredAsync()
    {
        using var admin = _app.CreateClient(IngestAppFactory.AdminKey);
        using var response = await admin.GetAsync(Relative(Desired));
        return response.StatusCode == HttpStatusCode.OK ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() : null;
    }

    [Fact]
    public async Task PutDesired_WithoutVersion_NumberedOneTwoAndExplicitLowerRefused()
    {
        var first = await PutAsync(IngestAppFactory.AdminKey, Desired, """{"disasterMode":{"on":false}}""");
        var second = await PutAsync(IngestAppFactory.AdminKey, Desired, """{"disasterMode":{"on":false},"normal":{"samplingSeconds":900,"reportingSeconds":900}}""");
        var stale = await PutAsync(IngestAppFactory.AdminKey, Desired, """{"version":2,"disasterMode":{"on":true}}""");

        Assert.Equal((HttpStatusCode.OK, 1), (first.Status, first.Body.GetProperty("version").GetInt32()));
        Assert.Equal((HttpStatusCode.OK, 2), (second.Status, second.Body.GetProperty("version").GetInt32()));
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Equal(ControlProblems.VersionConflict, stale.Body.GetProperty("type").GetString());
        var stored = (await StoredAsync())!.Value;
        Assert.Equal(2, stored.GetProperty("version").GetInt32());
        Assert.False(stored.GetProperty("disasterMode").GetProperty("on").GetBoolean());
    }

    [Fact]
    public async Task GetDesired_OwnGatewayWithETag_304WhenUnchanged()
    {
        await PutAsync(IngestAppFactory.AdminKey, Desired, """{"version":7,"disasterMode":{"on":true,"reason":"drill"}}""");
        using var gateway = _app.CreateClient(IngestAppFactory.Gateway1Key);

        using var first = await gateway.GetAsync(Relative(Desired));
        using var again = new HttpRequestMessage(HttpMethod.Get, Relative(Desired));
        again.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"v7\""));
        using var second = await gateway.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("\"v7\"", first.Headers.ETag?.ToString());
        using var body = JsonDocument.Parse(await first.Content.ReadAsStringAsync());
        Assert.Equal(7, body.RootElement.GetProperty("version").GetInt32());
        Assert.Equal("drill", body.RootElement.GetProperty("disasterMode").GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task GetDesired_AnotherGatewaysId_403AndNothingShown()
    {
        await PutAsync(IngestAppFactory.AdminKey, Desired, """{"disasterMode":{"on":true}}""");
        using var other = _app.CreateClient(IngestAppFactory.Gateway2Key);

        using var response = await other.GetAsync(Relative(Desired));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(ControlProblems.OtherGateway, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutDesired_DisasterRole_SwitchOnlyProfilesKeptAndSinceStamped()
    {
        await PutAsync(IngestAppFactory.AdminKey, Desired, """{"disasterMode":{"on":false},"disaster":{"samplingSeconds":120,"reportingSeconds":300}}""");

        var put = await PutAsync(IngestAppFactory.DisasterKey, Desired, """{"disasterMode":{"on":true,"reason":"震度6強"}}""");

        Assert.Equal(HttpStatusCode.OK, put.Status);
        Assert.Equal("disaster", put.Body.GetProperty("updatedBy").GetString());
        Assert.True(put.Body.GetProperty("fitsSatellite").GetBoolean());
        var stored = (await StoredAsync())!.Value;
        Assert.Equal(2, stored.GetProperty("version").GetInt32());
        var mode = stored.GetProperty("disasterMode");
        Assert.True(mode.GetProperty("on").GetBoolean());
        Assert.Equal("震度6強", mode.GetProperty("reason").GetString());
        Assert.Equal("2025-06-01T00:00:00Z", mode.GetProperty("since").GetString());
        Assert.Equal(120, stored.GetProperty("disaster").GetProperty("samplingSeconds").GetInt32());
    }

    [Fact]
    public async Task PutDesired_DisasterRoleSetsAProfile_403AndNothingChanged()
    {
        var put = await PutAsync(IngestAppFactory.DisasterKey, Desired, """{"disasterMode":{"on":true},"normal":{"samplingSeconds":60}}""");

        Assert.Equal(HttpStatusCode.Forbidden, put.Status);
        Assert.Equal(ControlProblems.FieldNotAllowed, put.Body.GetProperty("type").GetString());
        Assert.Contains("normal", put.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Null(await StoredAsync());
    }

    [Theory]
    [InlineData("""{"disasterMode":{"on":true},"normal":{"samplingSeconds":1}}""", HttpStatusCode.UnprocessableEntity, "$.normal.samplingSeconds: must be an integer from 10 to 86400")]
    [InlineData("""{"disasterMode":{"on":true},"speed":3}""", HttpStatusCode.UnprocessableEntity, "$.speed: unknown member; allowed: version, disasterMode, normal, disaster")]
    [InlineData("""{"disasterMode":""", HttpStatusCode.BadRequest, null)]
    public async Task PutDesired_Invalid_ProblemWithEveryDefectAndNothingChanged(string json, HttpStatusCode status, string? error)
    {
        var put = await PutAsync(IngestAppFactory.AdminKey, Desired, json);

        Assert.Equal(status, put.Status);
        Assert.Equal(ControlProblems.InvalidDocument, put.Body.GetProperty("type").GetString());
        if (error is not null)
        {
            Assert.Equal([error], put.Body.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        }

        Assert.Null(await StoredAsync());
    }

    [Fact]
    public async Task PutDesired_TooLongForOneMtMessage_StoredAndFlagged()
    {
        var links = string.Join(",", Enumerable.Range(1, 8).Select(i => $$"""
            "ip-{{i}}":{"allow":["alarm","status","reading","backfill","gap"],"dailyBytes":1000000}
            """));
        var put = await PutAsync(IngestAppFactory.AdminKey, Desired, "{\"disasterMode\":{\"on\":true},\"disaster\":{\"links\":{" + links + "}}}");

        Assert.Equal(HttpStatusCode.OK, put.Status);
        Assert.False(put.Body.GetProperty("fitsSatellite").GetBoolean());
        Assert.True(put.Body.GetProperty("mtBytes").GetInt32() > 270);
    }

    [Fact]
    public async Task PutReported_ThenGet_LatestWithDesiredVersion()
    {
        await PutAsync(IngestAppFactory.AdminKey, Desired, """{"version":3,"disasterMode":{"on":true}}""");
        var report = """{"gatewayId":"gw-1","appliedVersion":3,"disasterMode":true,"sources":["cloud","file"],"at":"2025-06-01T00:00:05Z"}""";

        var put = await PutAsync(IngestAppFactory.Gateway1Key, Reported, report);
        using var reader = _app.CreateClient(IngestAppFactory.DisasterKey);
        using var get = await reader.GetAsync(Relative(Reported));
        using var body = JsonDocument.Parse(await get.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, put.Status);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var root = body.RootElement;
        Assert.Equal((3, 3, true, "ip"), (root.GetProperty("appliedVersion").GetInt32(), root.GetProperty("desiredVersion").GetInt32(),
            root.GetProperty("inSync").GetBoolean(), root.GetProperty("via").GetString()));
        Assert.Equal(["cloud", "file"], root.GetProperty("report").GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task PutReported_BodyNamesAnotherGateway_422AndNothingStored()
    {
        var put = await PutAsync(IngestAppFactory.Gateway1Key, Reported,
            """{"gatewayId":"gw-2","appliedVersion":1,"disasterMode":false,"sources":[],"at":"2025-06-01T00:00:00Z"}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, put.Status);
        using var admin = _app.CreateClient(IngestAppFactory.AdminKey);
        using var get = await admin.GetAsync(Relative(Reported));
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task PutReported_AnotherGatewaysKey_403()
    {
        var put = await PutAsync(IngestAppFactory.Gateway2Key, Reported,
            """{"gatewayId":"gw-1","appliedVersion":1,"disasterMode":false,"sources":[],"at":"2025-06-01T00:00:00Z"}""");

        Assert.Equal(HttpStatusCode.Forbidden, put.Status);
        Assert.Equal(ControlProblems.OtherGateway, put.Body.GetProperty("type").GetString());
    }
}
