using System.Net;
using System.Text.Json;
using Edge.Gateway.Diagnostics;
using Edge.Gateway.Tests.Support;
using Edge.Gateway.Tests.Uplink;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;

namespace Edge.Gateway.Tests.Diagnostics;

/// <summary>/health and /metrics of the real gateway (in process), read with a real HTTP client over loopback.</summary>
public sealed class HealthEndpointTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose()
    {
        _http.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task Health_FreshGateway_Answers200WithStoreAndLinks()
    {
        await using var ingest = await FakeIngest.StartAsync();
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path, s => UplinkServiceTests.Fast(s, ingest.Url));

        using var response = await _http.GetAsync(Url(gateway, "/health"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        var store = json.RootElement.GetProperty("store");
        Assert.True(store.GetProperty("writable").GetBoolean(), body);
        Assert.InRange(store.GetProperty("lastCommitAgeSeconds").GetDouble(), 0, 30);
        var link = Assert.Single(json.RootElement.GetProperty("links").EnumerateArray());
        Assert.Equal("http", link.GetProperty("name").GetString());
        Assert.Equal("unknown", link.GetProperty("state").GetString());

        // Link choice's view: no batch sent, no budget configured. (The control service's poll and start report go over
        // this link too and count in its bytes, so those are not zero once they have run.)
        Assert.Equal("unknown", link.GetProperty("routeState").GetString());
        Assert.Empty(ingest.Received);
        Assert.Equal(JsonValueKind.Null, link.GetProperty("budgetLeftThisMonth").ValueKind);
        Assert.False(link.GetProperty("budgetExhausted").GetBoolean());
    }

    [Fact]
    public async Task Health_NoIngestConfigured_Answers200WithNoLinks()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path);

        using var response = await _http.GetAsync(Url(gateway, "/health"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(json.RootElement.GetProperty("links").EnumerateArray());
    }

    [Fact]
    public async Task Metrics_OutageThenRecovery_QueueAgeLatencyAndLinkStateFollow()
    {
        await using var ingest = await FakeIngest.StartAsync();
        var up = false;
        ingest.Responder = _ => Task.FromResult(Volatile.Read(ref up) ? 200 : 503);
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path, s =>
        {
            UplinkServiceTests.Fast(s, ingest.Url);
            s["Edge:Gateway:Health:StoreStatsMaxAge"] = "00:00:00";
            DeviceFrame.AddDevices(s, 1);
        });
        var id = DeviceFrame.Id(1);
        var now = DateTimeOffset.UtcNow;
        using (var device = await DeviceClient.ConnectAsync(gateway.Port, id, DeviceFrame.Password(id)))
        {
            for (var i = 0; i < 5; i++)
            {
                // The third frame carries the tamper flag: a reading and an alarm event.
                var result = await device.PublishAsync(DeviceClient.Topic(id), DeviceFrame.Single(id, 100 + i, now.AddMinutes(i - 5), 10 + i, flags: i == 2 ? 2 : 0));
                Assert.Equal(MqttClientPublishReasonCode.Success, result.ReasonCode);
            }
        }

        await Wait.UntilAsync(() => ingest.Received.Count >= 2, TimeSpan.FromSeconds(30), "two refused attempts");
        await Task.Delay(1100); // the oldest item is at least a second old

        var (status, contentType, text) = await GetAsync(gateway, "/metrics");
        var down = PrometheusText.Parse(text);

        Assert.Equal(200, status);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", contentType);
        Assert.Equal(5, down.Value("edge_gateway_frames_total", ("result", "accepted")));
        Assert.Equal(5, Unacknowledged(down, "reading"));
        Assert.Equal(1, Unacknowledged(down, "alarm"));
        Assert.Equal(0, Unacknowledged(down, "backfill"));
        Assert.InRange(down.Value("edge_gateway_queue_oldest_age_seconds", ("class", "reading")), 1, 60);
        Assert.InRange(down.Value("edge_gateway_queue_oldest_age_seconds", ("class", "alarm")), 1, 60);
        Assert.Equal(0, down.Value("edge_gateway_queue_oldest_age_seconds", ("class", "backfill")));
        Assert.True(down.Value("edge_gateway_batches_pending") >= 1);
        Assert.True(down.Value("edge_gateway_store_commit_seconds_count", ("writer", "frames")) >= 1);
        Assert.Equal(gateway.Counters.StoreCommits, down.Value("edge_gateway_store_commit_seconds_count", ("writer", "frames")));
        Assert.Equal(1, down.Value("edge_gateway_store_writable"));
        Assert.Equal(0, down.Value("edge_gateway_link_up", ("link", "http")));
        Assert.Equal(1, down.Value("edge_gateway_link_state", ("link", "http"), ("state", "down")));
        Assert.Equal(0, down.Value("edge_gateway_link_state", ("link", "http"), ("state", "up")));
        Assert.True(down.Value("edge_gateway_link_consecutive_failures", ("link", "http")) >= 2);
        Assert.True(down.Value("edge_gateway_link_wire_bytes_total", ("link", "http")) > 0);
        Assert.True(down.Value("edge_gateway_uplink_failures_total") >= 2);
        Assert.Equal("histogram", down.FamilyTypes["edge_gateway_store_commit_seconds"]);
        Assert.Equal("counter", down.FamilyTypes["edge_gateway_evicted_total"]);

        Volatile.Write(ref up, true);
        await Wait.UntilAsync(() => StoreFile.Scalar(gateway.DbPath, "SELECT (SELECT COUNT(*) FROM readings) + (SELECT COUNT(*) FROM events)") == 0, TimeSpan.FromSeconds(30), "the store to drain");
        var drained = PrometheusText.Parse((await GetAsync(gateway, "/metrics")).Body);

        foreach (var c in new[] { "alarm", "status", "reading", "backfill" })
        {
            Assert.Equal(0, Unacknowledged(drained, c));
            Assert.Equal(0, drained.Value("edge_gateway_queue_oldest_age_seconds", ("class", c)));
        }

        Assert.Equal(1, drained.Value("edge_gateway_link_up", ("link", "http")));
        Assert.Equal(0, drained.Value("edge_gateway_link_consecutive_failures", ("link", "http")));
        Assert.True(drained.Value("edge_gateway_batches_acknowledged_total") >= 1);
        Assert.InRange(drained.Value("edge_gateway_link_round_trip_seconds", ("link", "http")), 0, 30);
        Assert.True(drained.Value("edge_gateway_link_wire_bytes_total", ("link", "http")) > down.Value("edge_gateway_link_wire_bytes_total", ("link", "http")));

        // Budget periods: bytes charged today are part of this month's; no budget, never exhausted; up again.
        var today = drained.Value("edge_gateway_link_period_wire_bytes", ("link", "http"), ("period", "day"));
        Assert.True(today > 0);
        Assert.True(drained.Value("edge_gateway_link_period_wire_bytes", ("link", "http"), ("period", "month")) >= today);
        Assert.Equal(0, drained.Value("edge_gateway_link_budget_exhausted", ("link", "http")));
        Assert.Equal(1, drained.Value("edge_gateway_link_route_state", ("link", "http"), ("state", "up")));
    }

    [Fact]
    public async Task Metrics_TinyStoreWithoutUplink_ReportEvictionsAndGapRecords()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path, s =>
        {
            DeviceFrame.AddDevices(s, 2);
            s["Edge:Gateway:Store:MaxBytes"] = "3000"; // about 25 readings
            s["Edge:Gateway:Health:StoreStatsMaxAge"] = "00:00:00";
        });
        var now = DateTimeOffset.UtcNow;
        for (var d = 1; d <= 2; d++)
        {
            var id = DeviceFrame.Id(d);
            using var device = await DeviceClient.ConnectAsync(gateway.Port, id, DeviceFrame.Password(id));
            for (var i = 0; i < 40; i++)
            {
                await device.PublishAsync(DeviceClient.Topic(id), DeviceFrame.Single(id, 1 + i, now.AddMinutes(i - 40), i));
            }
        }

        var metrics = PrometheusText.Parse((await GetAsync(gateway, "/metrics")).Body);

        var evicted = metrics.Value("edge_gateway_evicted_total", ("kind", "reading"));
        Assert.True(evicted > 0, "the store never filled");
        Assert.Equal(gateway.Counters.ReadingsEvicted, evicted);
        Assert.True(metrics.Value("edge_gateway_gap_records", ("state", "waiting")) + metrics.Value("edge_gateway_gap_records", ("state", "in_flight")) >= 2, "one gap record per device");
        Assert.Equal(evicted, metrics.Value("edge_gateway_gap_items"));
        Assert.Equal(80 - evicted, Unacknowledged(metrics, "reading"));
        Assert.InRange(metrics.Value("edge_gateway_store_estimated_bytes", ("class", "reading")), 1, 3000 + 1000);
        Assert.True(metrics.Value("edge_gateway_store_file_bytes") > 0);
    }

    [Fact]
    public async Task Health_StoreWriteLockHeldElsewhere_Answers503UntilReleased()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path, s =>
        {
            s["Edge:Gateway:Health:ProbeInterval"] = "00:00:00.200";
            s["Edge:Gateway:Health:ProbeTimeout"] = "00:00:01";
        });
        Assert.Equal(200, (await GetAsync(gateway, "/health")).Status);

        // Another writer holds the store's write lock, as a hung commit (a dying SD card) would.
        await using (var other = new SqliteConnection($"Data Source={gateway.DbPath};Pooling=False"))
        {
            await other.OpenAsync();
            using var tx = other.BeginTransaction(deferred: false);
            await StatusAsync(gateway, 503, TimeSpan.FromSeconds(15));

            // The first 503 may be "check overdue" while a probe still waits on the lock: wait for the probe's verdict.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
            string body;
            while (true)
            {
                body = (await GetAsync(gateway, "/health")).Body;
                if (!JsonDocument.Parse(body).RootElement.GetProperty("store").GetProperty("writable").GetBoolean() || DateTime.UtcNow > deadline)
                {
                    break;
                }

                await Task.Delay(100);
            }

            using var json = JsonDocument.Parse(body);
            Assert.Equal("unhealthy", json.RootElement.GetProperty("status").GetString());
            Assert.False(json.RootElement.GetProperty("store").GetProperty("writable").GetBoolean());
            Assert.Contains("locked", json.RootElement.GetProperty("store").GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);
            var metrics = PrometheusText.Parse((await GetAsync(gateway, "/metrics")).Body);
            Assert.Equal(0, metrics.Value("edge_gateway_store_writable"));
            Assert.True(metrics.Value("edge_gateway_store_check_failures_total") >= 1);
            tx.Rollback();
        }

        await StatusAsync(gateway, 200, TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task Http_OtherPathsAndMethods_AnswerLikeHttp()
    {
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path);

        using var notFound = await _http.GetAsync(Url(gateway, "/nope"));
        using var post = await _http.PostAsync(Url(gateway, "/health"), new StringContent("x"));
        using var head = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Head, Url(gateway, "/metrics?x=1")));
        var headBody = await head.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Contains("GET", post.Content.Headers.Allow);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.True(head.Content.Headers.ContentLength > 100);
        Assert.Empty(headBody);
    }

    [Fact]
    public async Task Listener_PortTaken_GatewayRunsOnWithoutIt()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path, s => s["Edge:Gateway:Health:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var device = await DeviceClient.ConnectAsync(gateway.Port, Frames.Device, GatewayConfig.Password1);
        var result = await device.PublishAsync(DeviceClient.Topic(Frames.Device), Frames.Example);

        Assert.Null(gateway.Host.Services.GetRequiredService<HealthListener>().Endpoint);
        Assert.Equal(MqttClientPublishReasonCode.Success, result.ReasonCode);
    }

    private static double Unacknowledged(PrometheusText metrics, string dataClass) =>
        metrics.Value("edge_gateway_queue_items", ("class", dataClass), ("state", "waiting")) +
        metrics.Value("edge_gateway_queue_items", ("class", dataClass), ("state", "in_flight"));

    private static Uri Url(GatewayUnderTest gateway, string path)
    {
        var endpoint = gateway.Host.Services.GetRequiredService<HealthListener>().Endpoint ?? throw new InvalidOperationException("no health listener");
        return new Uri($"http://{endpoint}{path}");
    }

    private async Task StatusAsync(GatewayUnderTest gateway, int status, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        int last;
        while ((last = (await GetAsync(gateway, "/health")).Status) != status)
        {
            Assert.True(DateTime.UtcNow < deadline, $"/health still answers {last}, not {status}, after {timeout}");
            await Task.Delay(50);
        }
    }

    private async Task<(int Status, string? ContentType, string Body)> GetAsync(GatewayUnderTest gateway, string path)
    {
        using var response = await _http.GetAsync(Url(gateway, path));
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.ToString(), await response.Content.ReadAsStringAsync());
    }
}
