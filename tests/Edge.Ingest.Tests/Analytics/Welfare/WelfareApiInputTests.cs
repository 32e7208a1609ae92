using System.Net;
using System.Text;
using System.Text.Json;
using Edge.Ingest.Apis;
using Edge.Ingest.Tests.Support;

namespace Edge.Ingest.Tests.Analytics.Welfare;

/// <summary>
/// Bad input to the welfare endpoints: each gets an RFC 9457 problem naming the defect, and nothing changes; unknown and
/// not-enrolled households are 404 (the latter never shown).
/// </summary>
public sealed class WelfareApiInputTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private WelfareHost _host = null!;

    public async Task InitializeAsync() => _host = await WelfareHost.StartAsync(_dir.DatabasePath);

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _dir.Dispose();
    }

    [Theory]
    [InlineData("""{"genkiDeadline":"25:00"}""", 422, "$.genkiDeadline")]
    [InlineData("""{"genkiDeadline":"04:30"}""", 422, "05:00 to 23:00")]
    [InlineData("""{"genkiDeadline":"9:00"}""", 422, "HH:mm")]
    [InlineData("""{"genkiDeadline":930}""", 422, "string HH:mm or null")]
    [InlineData("""{"deadline":"09:00"}""", 422, "$.deadline: not a member")]
    [InlineData("""{}""", 422, "$.genkiDeadline: required")]
    [InlineData("""["09:00"]""", 422, "JSON object")]
    [InlineData("""{"genkiDeadline":""", 400, "not valid JSON")]
    public async Task PutHousehold_BadBody_ProblemAndNothingChanged(string json, int status, string mentions)
    {
        using var response = await _host.HouseholdAsync(HttpMethod.Put, "", json);

        await AssertProblemAsync(response, status, "urn:edge:problem:invalid-welfare-request", mentions);
        await AssertUnchangedAsync();
    }

    [Theory]
    [InlineData("""{"until":"2025-05-31T23:00:00Z"}""", "after now")]
    [InlineData("""{"until":"2025-07-02T00:00:00Z"}""", "at most 30 days")]
    [InlineData("""{"until":"2025-06-01T12:00:00"}""", "offset")]
    [InlineData("""{"until":null}""", "offset")]
    [InlineData("""{"until":"2025-06-01T12:00:00Z","note":"x"}""", "$.note: not a member")]
    public async Task PostSnooze_BadUntil_422AndNothingChanged(string json, string mentions)
    {
        using var response = await _host.HouseholdAsync(HttpMethod.Post, "/snooze", json);

        await AssertProblemAsync(response, 422, "urn:edge:problem:invalid-welfare-request", mentions);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task PutHousehold_NotJson_415AndNothingChanged()
    {
        using var client = _host.App.CreateClient(IngestAppFactory.WelfareKey);
        using var response = await client.PutAsync(
            new Uri($"/v1/welfare/households/{WelfareHost.Household}", UriKind.Relative), new StringContent("09:00", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertUnchangedAsync();
    }

    [Theory]
    [InlineData("hh-unknown")]
    [InlineData("hh-not")]
    public async Task Household_UnknownOrNotEnrolled_404WithoutSettingAnything(string household)
    {
        foreach (var (method, path, json) in new (HttpMethod, string, string?)[]
        {
            (HttpMethod.Get, "", null), (HttpMethod.Put, "", """{"genkiDeadline":"09:00"}"""),
            (HttpMethod.Post, "/snooze", """{"until":"2025-06-01T12:00:00Z"}"""), (HttpMethod.Delete, "/snooze", null),
            (HttpMethod.Post, "/away", null), (HttpMethod.Delete, "/away", null),
        })
        {
            using var response = await _host.HouseholdAsync(method, path, json, household: household);
            await AssertProblemAsync(response, 404, "urn:edge:problem:unknown-household", household);
        }
    }

    [Theory]
    [InlineData("not-an-id", """{"operator":"suzuki"}""", 400, "urn:edge:problem:invalid-welfare-event-id")]
    [InlineData("0123456789abcdef0123456789abcdef", """{"operator":"suzuki"}""", 404, "urn:edge:problem:unknown-welfare-event")]
    [InlineData("0123456789abcdef0123456789abcdef", """{"operator":""}""", 422, "urn:edge:problem:invalid-welfare-request")]
    public async Task Acknowledge_BadIdOrBody_Problem(string id, string json, int status, string type)
    {
        using var client = _host.App.CreateClient(IngestAppFactory.WelfareKey);

        using var response = await client.PostAsync(new Uri($"/v1/welfare/events/{id}/acknowledge", UriKind.Relative), WelfareServiceTests.Json(json));

        await AssertProblemAsync(response, status, type, "");
    }

    [Theory]
    [InlineData("?kind=alert", "kind")]
    [InlineData("?since=yesterday", "since")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?after=bm90LWEtY3Vyc29y", "after")]
    public async Task ListEvents_BadQuery_400(string query, string mentions)
    {
        using var client = _host.App.CreateClient(IngestAppFactory.WelfareKey);

        using var response = await client.GetAsync(new Uri($"/v1/welfare/events{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"'{mentions}'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListEvents_TwoPerPage_CursorWalksNewestFirstWithoutRepeats()
    {
        // 04:00-09:00 local: good morning, then a 2 h run and (after it) nothing more: 2 events; plus the day after's run.
        _host.Advance(TimeSpan.FromHours(5));
        await _host.PostHoursAsync(1, WelfareHost.Morning, 1_000, [10, 150, 150, 0, 0, 0, 0, 150, 150, 0]);
        await _host.RecomputeAsync();
        var all = await _host.EventsAsync();
        Assert.Equal(["continuous-use", "continuous-use", "good-morning"], all.Select(e => e.Kind));

        using var client = _host.App.CreateClient(IngestAppFactory.WelfareKey);
        var first = JsonSerializer.Deserialize<WelfareEventList>(
            await client.GetStringAsync(new Uri($"/v1/welfare/events?household={WelfareHost.Household}&limit=2", UriKind.Relative)), JsonSerializerOptions.Web)!;
        var second = JsonSerializer.Deserialize<WelfareEventList>(
            await client.GetStringAsync(new Uri($"/v1/welfare/events?household={WelfareHost.Household}&limit=2&after={first.Next}", UriKind.Relative)), JsonSerializerOptions.Web)!;

        Assert.Equal(all.Select(e => e.Id), first.Events.Concat(second.Events).Select(e => e.Id));
        Assert.Null(second.Next);
    }

    private async Task AssertUnchangedAsync()
    {
        var household = await WelfareHost.ReadAsync<WelfareHouseholdResource>(await _host.HouseholdAsync(HttpMethod.Get));
        Assert.Equal(("10:00", true, (DateTimeOffset?)null, 0, (DateTimeOffset?)null),
            (household.GenkiDeadline, household.GenkiDeadlineIsDefault, household.SnoozedUntil, household.Snoozes.Count, household.UpdatedAt));
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, int status, string type, string mentions)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == (int)response.StatusCode, body);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal(type, problem.RootElement.GetProperty("type").GetString());
        Assert.Contains(mentions, body, StringComparison.Ordinal);
    }
}
