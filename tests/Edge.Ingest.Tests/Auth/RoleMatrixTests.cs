using System.Net;
using System.Text.Json;
using Edge.Ingest.Apis;
using Edge.Ingest.Model;
using Edge.Ingest.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Edge.Ingest.Tests.Auth;

/// <summary>
/// Issue 4: every endpoint × every role answers as the access table says (DESIGN.md "Ingest promises" 5), and an
/// answer a role may have holds what that role may see and nothing more.
/// </summary>
public sealed class RoleMatrixTests(RoleMatrixFixture fixture) : IClassFixture<RoleMatrixFixture>
{
    private const string HomeMeter = RoleMatrixFixture.HomeMeter;
    private const string PlainMeter = RoleMatrixFixture.PlainMeter;
    private const string RainGauge = RoleMatrixFixture.RainGauge;
    private const string StrayMeter = RoleMatrixFixture.StrayMeter;
    private const string Household = RoleMatrixFixture.Household;
    private const string TamperMeter = RoleMatrixFixture.TamperMeter;

    // The access table, written out by hand from issue 4's roles (not read from AccessPolicy): who may call each
    // endpoint. 'reader' is the old name of 'waterworks' and has its rights. Everyone else gets 403; no key, 401.
    private static readonly (string Endpoint, string[] Allowed)[] _table =
    [
        ("POST /v1/batches", ["gateway"]),
        ("GET /v1/meters/{id}/readings", ["reader", "waterworks", "admin"]),
        ("GET /v1/meters/{id}/latest", ["reader", "waterworks", "admin"]),
        ("GET /v1/meters/{id}/consumption", ["reader", "waterworks", "admin"]),
        ("GET /v1/areas/{code}/consumption", ["reader", "waterworks", "disaster", "admin"]),
        ("GET /v1/export/billing.csv", ["reader", "waterworks", "admin"]),
        ("GET /v1/export/ngsi-ld/water-consumption", ["reader", "waterworks", "admin"]),
        ("GET /v1/export/ngsi-ld/observations", ["disaster", "admin"]),
        ("GET /v1/welfare/alerts", ["welfare"]),
        ("GET /v1/rejected", ["reader", "waterworks", "admin"]),
        ("GET /v1/stats", ["reader", "waterworks", "admin"]),
        ("GET /v1/admin/quarantine", ["reader", "waterworks", "admin"]),
        ("GET /v1/admin/devices", ["admin"]),
        ("GET /v1/admin/devices/{id}", ["admin"]),
        ("PUT /v1/admin/devices/{id}", ["admin"]),
        ("DELETE /v1/admin/devices/{id}", ["admin"]),
        ("GET /v1/gateways/{id}/desired", ["gateway", "disaster", "admin"]),
        ("PUT /v1/gateways/{id}/desired", ["disaster", "admin"]),
        ("PUT /v1/gateways/{id}/reported", ["gateway"]),
        ("GET /v1/gateways/{id}/reported", ["disaster", "admin"]),
        ("GET /v1/alarms", ["reader", "waterworks", "admin"]),
        ("GET /v1/alarms/{id}", ["reader", "waterworks", "admin"]),
        ("POST /v1/alarms/{id}/acknowledge", ["reader", "waterworks", "admin"]),
        ("POST /v1/alarms/{id}/clear", ["reader", "waterworks", "admin"]),
        ("GET /v1/areas/status", ["reader", "waterworks", "disaster", "admin"]),
        // A DMA's losses: the waterworks' operating figure, not a disaster aggregate (API.md "DMA water balance").
        ("GET /v1/areas/{areaId}/balance", ["reader", "waterworks", "admin"]),
        ("GET /v1/stream", ["reader", "waterworks", "disaster", "welfare", "admin"]),
        ("GET /v1/welfare/events", ["welfare", "admin"]),
        ("POST /v1/welfare/events/{id}/acknowledge", ["welfare", "admin"]),
        ("GET /v1/welfare/households/{id}", ["welfare", "admin"]),
        ("PUT /v1/welfare/households/{id}", ["welfare", "admin"]),
        ("POST /v1/welfare/households/{id}/snooze", ["welfare", "admin"]),
        ("DELETE /v1/welfare/households/{id}/snooze", ["welfare", "admin"]),
        ("POST /v1/welfare/households/{id}/away", ["welfare", "admin"]),
        ("DELETE /v1/welfare/households/{id}/away", ["welfare", "admin"]),
    ];

    /// <summary>Every endpoint × every role with the status the table gives.</summary>
    public static TheoryData<string, string, HttpStatusCode> Matrix()
    {
        var data = new TheoryData<string, string, HttpStatusCode>();
        foreach (var (endpoint, allowed) in _table)
        {
            foreach (var role in RoleMatrixFixture.Roles)
            {
                data.Add(endpoint, role,
                    role == "none" ? HttpStatusCode.Unauthorized
                    : !allowed.Contains(role) ? HttpStatusCode.Forbidden
                    : endpoint.StartsWith("PUT /v1/admin/", StringComparison.Ordinal) ? HttpStatusCode.Created
                    : endpoint.StartsWith("DELETE /v1/admin/", StringComparison.Ordinal) ? HttpStatusCode.NoContent
                    : HttpStatusCode.OK);
            }
        }

        return data;
    }

    [Fact]
    public void Matrix_CoversEveryEndpointAndRole()
    {
        // 35 endpoints × 7 columns (6 roles and no key).
        Assert.Equal(35 * 7, Matrix().Count());
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Call_EachRole_StatusFromTheTableAndOnlyWhatItMaySee(string endpoint, string role, HttpStatusCode expected)
    {
        using var client = fixture.App.CreateClient(RoleMatrixFixture.KeyOf(role));

        using var response = await SendAsync(client, endpoint, role);
        // An open stream never ends: its first line is read instead of the whole body.
        var body = endpoint == "GET /v1/stream" && response.IsSuccessStatusCode
            ? await FirstLineAsync(response)
            : await response.Content.ReadAsStringAsync();

        Assert.True(expected == response.StatusCode, $"{endpoint} as {role}: expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        if (expected is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            // A refusal is a problem that names no device or household.
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            AssertNone(body, HomeMeter, PlainMeter, RainGauge, StrayMeter, Household, TamperMeter);
            await AssertRefusalChangedNothingAsync(endpoint, role);
            return;
        }

        await AssertVisibleAsync(endpoint, role, body);
    }

    // The per-device rule of the access table: meter endpoints serve water meters only.
    [Theory]
    [InlineData("readings", RainGauge, "waterworks")]
    [InlineData("readings", RainGauge, "admin")]
    [InlineData("latest", RainGauge, "waterworks")]
    [InlineData("latest", RainGauge, "admin")]
    public async Task GetMeterData_NotAWaterMeter_NotFound(string what, string deviceId, string role)
    {
        using var client = fixture.App.CreateClient(RoleMatrixFixture.KeyOf(role));

        using var response = await client.GetAsync(new Uri($"/v1/meters/{deviceId}/{what}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        AssertNone(body, "\"readings\"", "\"value\"");
    }

    // An unregistered device's readings are the quarantine: the operators (waterworks, admin) see them here, each
    // flagged; they never count as the meter's latest, and the other roles are refused by the table.
    [Theory]
    [InlineData("waterworks")]
    [InlineData("admin")]
    public async Task GetMeterReadings_Unregistered_EveryReadingFlaggedQuarantined(string role)
    {
        using var client = fixture.App.CreateClient(RoleMatrixFixture.KeyOf(role));

        using var readings = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/v1/meters/{StrayMeter}/readings", UriKind.Relative)));
        using var latest = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/v1/meters/{StrayMeter}/latest", UriKind.Relative)));

        var rows = readings.RootElement.GetProperty("readings").EnumerateArray().ToList();
        Assert.Single(rows);
        Assert.True(rows[0].GetProperty("quarantined").GetBoolean());
        Assert.Empty(latest.RootElement.GetProperty("readings").EnumerateArray());
    }

    [Theory]
    [InlineData("disaster")]
    [InlineData("welfare")]
    [InlineData("gateway")]
    public async Task GetMeterReadings_UnregisteredAsNonOperator_Forbidden(string role)
    {
        using var client = fixture.App.CreateClient(RoleMatrixFixture.KeyOf(role));

        using var response = await client.GetAsync(new Uri($"/v1/meters/{StrayMeter}/readings", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        AssertNone(await response.Content.ReadAsStringAsync(), StrayMeter);
    }

    [Theory]
    [InlineData("waterworks")]
    [InlineData("admin")]
    public async Task GetMeterConsumption_RainGauge_NotFound(string role)
    {
        using var client = fixture.App.CreateClient(RoleMatrixFixture.KeyOf(role));

        using var response = await client.GetAsync(new Uri(
            $"/v1/meters/{RainGauge}/consumption?interval=day&from=2025-05-30&to=2025-05-31", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertNone(await response.Content.ReadAsStringAsync(), "\"intervals\"");
    }

    private Task<HttpResponseMessage> SendAsync(HttpClient client, string endpoint, string role) => endpoint switch
    {
        "POST /v1/batches" => client.PostAsync(Relative("/v1/batches"), TestBatches.Binary(fixture.FirstBatch)),
        "GET /v1/meters/{id}/readings" => client.GetAsync(Relative($"/v1/meters/{HomeMeter}/readings")),
        "GET /v1/meters/{id}/latest" => client.GetAsync(Relative($"/v1/meters/{HomeMeter}/latest")),
        "GET /v1/meters/{id}/consumption" => client.GetAsync(Relative($"/v1/meters/{HomeMeter}/consumption?interval=day&from=2025-05-30&to=2025-05-31")),
        "GET /v1/areas/{code}/consumption" => client.GetAsync(Relative($"/v1/areas/{RoleMatrixFixture.MeterArea}/consumption?interval=day&from=2025-05-30&to=2025-05-31")),
        "GET /v1/export/billing.csv" => client.GetAsync(Relative("/v1/export/billing.csv?from=2025-05&to=2025-06")),
        "GET /v1/export/ngsi-ld/water-consumption" => client.GetAsync(Relative("/v1/export/ngsi-ld/water-consumption")),
        "GET /v1/export/ngsi-ld/observations" => client.GetAsync(Relative("/v1/export/ngsi-ld/observations")),
        "GET /v1/welfare/alerts" => client.GetAsync(Relative("/v1/welfare/alerts?all=true")),
        "GET /v1/rejected" => client.GetAsync(Relative("/v1/rejected")),
        "GET /v1/stats" => client.GetAsync(Relative("/v1/stats")),
        "GET /v1/admin/quarantine" => client.GetAsync(Relative("/v1/admin/quarantine")),
        "GET /v1/admin/devices" => client.GetAsync(Relative("/v1/admin/devices")),
        "GET /v1/admin/devices/{id}" => client.GetAsync(Relative($"/v1/admin/devices/{HomeMeter}")),
        "PUT /v1/admin/devices/{id}" => client.PutAsync(Relative($"/v1/admin/devices/put-{role}"), RoleMatrixFixture.ReservedMeter($"put-{role}")),
        "DELETE /v1/admin/devices/{id}" => client.DeleteAsync(Relative($"/v1/admin/devices/del-{role}")),
        "GET /v1/gateways/{id}/desired" => client.GetAsync(Relative($"/v1/gateways/{IngestAppFactory.Gateway1}/desired")),
        "PUT /v1/gateways/{id}/desired" => client.PutAsync(Relative($"/v1/gateways/gw-put-{role}/desired"), DisasterOn()),
        "PUT /v1/gateways/{id}/reported" => client.PutAsync(Relative($"/v1/gateways/{IngestAppFactory.Gateway1}/reported"), RoleMatrixFixture.Report()),
        "GET /v1/gateways/{id}/reported" => client.GetAsync(Relative($"/v1/gateways/{IngestAppFactory.Gateway1}/reported")),
        "GET /v1/alarms" => client.GetAsync(Relative("/v1/alarms?state=all")),
        "GET /v1/alarms/{id}" => client.GetAsync(Relative($"/v1/alarms/{fixture.TamperAlarmId}")),
        "POST /v1/alarms/{id}/acknowledge" => client.PostAsync(Relative($"/v1/alarms/{fixture.TamperAlarmId}/acknowledge"), Operator(role)),
        "POST /v1/alarms/{id}/clear" => client.PostAsync(Relative($"/v1/alarms/{fixture.TamperAlarmId}/clear"), Operator(role)),
        "GET /v1/areas/status" => RecomputeThenGetAsync(client, "/v1/areas/status"),
        "GET /v1/areas/{areaId}/balance" => client.GetAsync(Relative($"/v1/areas/{RoleMatrixFixture.Dma}/balance?from=2025-05-30T00:00:00Z&to=2025-06-01T00:00:00Z")),
        "GET /v1/stream" => client.GetAsync(Relative("/v1/stream"), HttpCompletionOption.ResponseHeadersRead),
        "GET /v1/welfare/events" => client.GetAsync(Relative("/v1/welfare/events")),
        "POST /v1/welfare/events/{id}/acknowledge" => client.PostAsync(Relative($"/v1/welfare/events/{fixture.WelfareEventId}/acknowledge"), Operator(role)),
        "GET /v1/welfare/households/{id}" => client.GetAsync(Relative($"/v1/welfare/households/{Household}")),
        "PUT /v1/welfare/households/{id}" => client.PutAsync(Relative($"/v1/welfare/households/{Household}"), Body($$"""{"genkiDeadline":"{{Deadline(role)}}"}""")),
        "POST /v1/welfare/households/{id}/snooze" => client.PostAsync(Relative($"/v1/welfare/households/{Household}/snooze"), Body($$"""{"until":"{{Until(role)}}"}""")),
        "DELETE /v1/welfare/households/{id}/snooze" => client.DeleteAsync(Relative($"/v1/welfare/households/{Household}/snooze")),
        "POST /v1/welfare/households/{id}/away" => client.PostAsync(Relative($"/v1/welfare/households/{Household}/away"), null),
        "DELETE /v1/welfare/households/{id}/away" => client.DeleteAsync(Relative($"/v1/welfare/households/{Household}/away")),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, "Not an endpoint of the matrix."),
    };

    private async Task AssertVisibleAsync(string endpoint, string role, string body)
    {
        switch (endpoint)
        {
            case "POST /v1/batches":
                // The fixture's first batch again: a duplicate, nothing stored.
                var accepted = JsonSerializer.Deserialize<BatchAccepted>(body, JsonSerializerOptions.Web)!;
                Assert.Equal((true, 0), (accepted.Duplicate, accepted.Stored));
                break;
            case "GET /v1/meters/{id}/readings":
                var readings = JsonSerializer.Deserialize<MeterReadings>(body, JsonSerializerOptions.Web)!;
                Assert.Equal([1L, 2L, 3L], readings.Readings.Select(r => r.Seq));
                AssertNone(body, PlainMeter, RainGauge, Household);
                break;
            case "GET /v1/meters/{id}/latest":
                Assert.Contains(HomeMeter, body, StringComparison.Ordinal);
                AssertNone(body, PlainMeter, RainGauge, Household);
                break;
            case "GET /v1/meters/{id}/consumption":
                Assert.Contains(HomeMeter, body, StringComparison.Ordinal);
                AssertNone(body, PlainMeter, RainGauge, Household);
                break;
            case "GET /v1/areas/{code}/consumption":
                // Totals only: two meters counted, none named, no household.
                using (var doc = JsonDocument.Parse(body))
                {
                    Assert.Equal(2, doc.RootElement.GetProperty("meters").GetInt32());
                }

                AssertNone(body, HomeMeter, PlainMeter, RainGauge, StrayMeter, Household, "wm-", "hh-");
                break;
            case "GET /v1/export/billing.csv":
                Assert.Contains(HomeMeter, body, StringComparison.Ordinal);
                Assert.Contains(PlainMeter, body, StringComparison.Ordinal);
                AssertNone(body, RainGauge, StrayMeter, Household);
                break;
            case "GET /v1/export/ngsi-ld/water-consumption":
                Assert.Contains($"urn:ngsi-ld:WaterConsumptionObserved:{HomeMeter}", body, StringComparison.Ordinal);
                Assert.Contains($"urn:ngsi-ld:WaterConsumptionObserved:{PlainMeter}", body, StringComparison.Ordinal);
                AssertNone(body, RainGauge, StrayMeter, Household);
                break;
            case "GET /v1/export/ngsi-ld/observations":
                Assert.Contains($"urn:ngsi-ld:WeatherObserved:{RainGauge}", body, StringComparison.Ordinal);
                AssertNone(body, HomeMeter, PlainMeter, StrayMeter, Household, "wm-", "hh-");
                break;
            case "GET /v1/welfare/alerts":
                var alerts = JsonSerializer.Deserialize<WelfareAlerts>(body, JsonSerializerOptions.Web)!;
                var alert = Assert.Single(alerts.Households);
                Assert.Equal((Household, HomeMeter, "alert"), (alert.HouseholdId, alert.DeviceId, alert.Status));
                AssertNone(body, PlainMeter, RainGauge, StrayMeter);
                break;
            case "GET /v1/rejected":
                var rejected = JsonSerializer.Deserialize<RejectedReadings>(body, JsonSerializerOptions.Web)!;
                Assert.Equal([(PlainMeter, 99L)], rejected.Readings.Select(r => (r.DeviceId, r.Seq)));
                break;
            case "GET /v1/stats":
                AssertNone(body, HomeMeter, PlainMeter, RainGauge, StrayMeter, Household);
                break;
            case "GET /v1/admin/quarantine":
                Assert.Contains(StrayMeter, body, StringComparison.Ordinal);
                AssertNone(body, HomeMeter, PlainMeter, RainGauge, Household);
                break;
            case "GET /v1/admin/devices":
                Assert.Contains(HomeMeter, body, StringComparison.Ordinal);
                Assert.Contains(RainGauge, body, StringComparison.Ordinal);
                AssertNone(body, StrayMeter);
                break;
            case "GET /v1/admin/devices/{id}":
                Assert.Contains(Household, body, StringComparison.Ordinal);
                break;
            case "PUT /v1/admin/devices/{id}":
                Assert.Equal(HttpStatusCode.OK, await AdminStatusAsync($"/v1/admin/devices/put-{role}"));
                break;
            case "DELETE /v1/admin/devices/{id}":
                Assert.Equal(HttpStatusCode.NotFound, await AdminStatusAsync($"/v1/admin/devices/del-{role}"));
                break;
            case "GET /v1/gateways/{id}/desired":
                Assert.Contains("\"samplingSeconds\":900", body, StringComparison.Ordinal);
                AssertNone(body, HomeMeter, PlainMeter, RainGauge, StrayMeter, Household);
                break;
            case "PUT /v1/gateways/{id}/desired":
                Assert.Equal(HttpStatusCode.OK, await AdminStatusAsync($"/v1/gateways/gw-put-{role}/desired"));
                break;
            case "PUT /v1/gateways/{id}/reported":
            case "GET /v1/gateways/{id}/reported":
                Assert.Contains("\"appliedVersion\":1", body, StringComparison.Ordinal);
                AssertNone(body, HomeMeter, PlainMeter, RainGauge, StrayMeter, Household);
                break;
            case "GET /v1/alarms":
                // Meter scale: the tamper meter's alarm; no household, no sensor.
                Assert.Contains(TamperMeter, body, StringComparison.Ordinal);
                AssertNone(body, Household, RainGauge, StrayMeter);
                break;
            case "GET /v1/alarms/{id}":
                Assert.Contains($"\"id\":\"{fixture.TamperAlarmId}\"", body, StringComparison.Ordinal);
                Assert.Contains("\"kind\":\"tamper\"", body, StringComparison.Ordinal);
                break;
            case "POST /v1/alarms/{id}/acknowledge":
                Assert.Contains("\"acknowledged\":true", body, StringComparison.Ordinal);
                break;
            case "POST /v1/alarms/{id}/clear":
                Assert.Contains("\"state\":\"cleared\"", body, StringComparison.Ordinal);
                break;
            case "GET /v1/areas/status":
                // Aggregates only: the municipality of both meters (no status area set), no meter or household.
                Assert.Contains("\"areaId\":\"13101\"", body, StringComparison.Ordinal);
                Assert.Contains("\"metersTotal\":2", body, StringComparison.Ordinal);
                AssertNone(body, HomeMeter, PlainMeter, StrayMeter, Household, "wm-", "hh-");
                break;
            case "GET /v1/areas/{areaId}/balance":
                // The DMA's own inflow meter (a network asset) is named; no customer meter or household.
                Assert.Contains($"\"meterId\":\"{RoleMatrixFixture.DmaInflow}\"", body, StringComparison.Ordinal);
                AssertNone(body, HomeMeter, PlainMeter, StrayMeter, Household, TamperMeter);
                break;
            case "GET /v1/stream":
                Assert.Equal(": connected", body);
                break;
            case "GET /v1/welfare/events":
                // Household scale: the enrolled household's events, never a meter, the other meter or a sensor.
                Assert.Contains($"\"householdId\":\"{Household}\"", body, StringComparison.Ordinal);
                AssertNone(body, HomeMeter, PlainMeter, RainGauge, StrayMeter, TamperMeter);
                break;
            case "POST /v1/welfare/events/{id}/acknowledge":
                Assert.Contains("\"acknowledged\":true", body, StringComparison.Ordinal);
                AssertNone(body, HomeMeter);
                break;
            case "GET /v1/welfare/households/{id}":
                Assert.Contains($"\"householdId\":\"{Household}\"", body, StringComparison.Ordinal);
                AssertNone(body, HomeMeter, PlainMeter);
                break;
            case "PUT /v1/welfare/households/{id}":
                Assert.Contains($"\"genkiDeadline\":\"{Deadline(role)}\"", body, StringComparison.Ordinal);
                break;
            case "POST /v1/welfare/households/{id}/snooze":
                Assert.Contains($"\"snoozedUntil\":\"2025-06-01T1{Array.IndexOf(RoleMatrixFixture.Roles, role)}:30:00", body, StringComparison.Ordinal);
                break;
            case "DELETE /v1/welfare/households/{id}/snooze":
                Assert.Contains("\"snoozedUntil\":null", body, StringComparison.Ordinal);
                break;
            case "POST /v1/welfare/households/{id}/away":
                Assert.Contains("\"awayMode\":true", body, StringComparison.Ordinal);
                break;
            case "DELETE /v1/welfare/households/{id}/away":
                Assert.Contains("\"awayMode\":false", body, StringComparison.Ordinal);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, "Not an endpoint of the matrix.");
        }
    }

    private async Task<HttpResponseMessage> RecomputeThenGetAsync(HttpClient client, string path)
    {
        await fixture.App.Services.GetRequiredService<Edge.Ingest.Analytics.AreaService.AreaStatusService>().RecomputeNowAsync(CancellationToken.None);
        return await client.GetAsync(Relative(path));
    }

    private static async Task<string> FirstLineAsync(HttpResponseMessage response)
    {
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        return await reader.ReadLineAsync() ?? "";
    }

    private async Task AssertRefusalChangedNothingAsync(string endpoint, string role)
    {
        if (endpoint == "PUT /v1/admin/devices/{id}")
        {
            Assert.Equal(HttpStatusCode.NotFound, await AdminStatusAsync($"/v1/admin/devices/put-{role}"));
        }
        else if (endpoint == "DELETE /v1/admin/devices/{id}")
        {
            Assert.Equal(HttpStatusCode.OK, await AdminStatusAsync($"/v1/admin/devices/del-{role}"));
        }
        else if (endpoint.StartsWith("POST /v1/alarms/", StringComparison.Ordinal))
        {
            // A refused role's name never appears as the operator of a change.
            using var admin = fixture.App.CreateClient(IngestAppFactory.AdminKey);
            var alarm = await admin.GetStringAsync(Relative($"/v1/alarms/{fixture.TamperAlarmId}"));
            Assert.DoesNotContain($"\"operator\":\"op-{role}\"", alarm, StringComparison.Ordinal);
        }
        else if (endpoint.StartsWith("POST /v1/welfare/events/", StringComparison.Ordinal))
        {
            using var admin = fixture.App.CreateClient(IngestAppFactory.AdminKey);
            var events = await admin.GetStringAsync(Relative("/v1/welfare/events?limit=500"));
            Assert.DoesNotContain($"\"acknowledgedBy\":\"op-{role}\"", events, StringComparison.Ordinal);
        }
        else if (endpoint is "PUT /v1/welfare/households/{id}" or "POST /v1/welfare/households/{id}/snooze")
        {
            using var admin = fixture.App.CreateClient(IngestAppFactory.AdminKey);
            var household = await admin.GetStringAsync(Relative($"/v1/welfare/households/{Household}"));
            Assert.DoesNotContain(Deadline(role), household, StringComparison.Ordinal);
            Assert.DoesNotContain(Until(role).TrimEnd('Z'), household, StringComparison.Ordinal);
        }
        else if (endpoint == "PUT /v1/gateways/{id}/desired")
        {
            Assert.Equal(HttpStatusCode.NotFound, await AdminStatusAsync($"/v1/gateways/gw-put-{role}/desired"));
        }
    }

    private async Task<HttpStatusCode> AdminStatusAsync(string path)
    {
        using var admin = fixture.App.CreateClient(IngestAppFactory.AdminKey);
        using var response = await admin.GetAsync(Relative(path));
        return response.StatusCode;
    }

    private static void AssertNone(string body, params string[] forbidden)
    {
        foreach (var text in forbidden)
        {
            Assert.DoesNotContain(text, body, StringComparison.Ordinal);
        }
    }

    private static Uri Relative(string path) => new(path, UriKind.Relative);

    private static StringContent Operator(string role) =>
        new($$"""{"operator":"op-{{role}}"}""", System.Text.Encoding.UTF8, "application/json");

    // A value per role, so a refused write can be told apart from an allowed one.
    private static string Deadline(string role) => $"21:0{Array.IndexOf(RoleMatrixFixture.Roles, role)}";

    private static string Until(string role) => $"2025-06-01T1{Array.IndexOf(RoleMatrixFixture.Roles, role)}:30:00Z";

    private static StringContent Body(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static StringContent DisasterOn() =>
        new("""{"disasterMode":{"on":true,"reason":"drill"}}""", System.Text.Encoding.UTF8, "application/json");
}
