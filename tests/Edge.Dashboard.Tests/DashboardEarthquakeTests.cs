using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Edge.Dashboard.Tests.Support;
using Edge.HwSim.Demo;
using Edge.HwSim.Physics;
using Edge.HwSim.Scenarios;
using Edge.Uplink;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Edge.Dashboard.Tests;

/// <summary>
/// The operator's page in headless Debian Chromium against the real ingest (SQLite, loopback): hw-sim's earthquake
/// cuts two status areas' water, the page turns them "suspected outage" from the stream, an operator acknowledges an
/// alarm and the API agrees; a screenshot is saved.
/// </summary>
public sealed class DashboardEarthquakeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string CutArea = "shinjuku-demo-1";
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private string _dataDir = "";

    public Task InitializeAsync()
    {
        _dataDir = Directory.CreateTempSubdirectory("edge-dashboard-").FullName;
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _http.Dispose();
        Directory.Delete(_dataDir, recursive: true);
        return Task.CompletedTask;
    }

    [ChromiumFact]
    public async Task Page_EarthquakeCutsTwoAreas_OutageShownLiveAlarmAcknowledged()
    {
        // The quake strikes 10 minutes into the hour three hours ago, so every hour the test sends is in the past (the
        // ingest refuses readings from the future). Steady use (12 L/h per meter) makes every meter normally active at
        // every hour of the week, so the outage shows whatever the time of day the test runs.
        var now = DateTimeOffset.UtcNow;
        var quakeHour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(-3);
        var quakeAt = quakeHour.AddMinutes(10);
        var run = EarthquakeScenario.Create(new EarthquakeOptions
        {
            QuakeAt = quakeAt, SteadyUse = true, MetersPerArea = 6, History = TimeSpan.FromDays(16),
        });

        // A burst (3 m³/h, above the 2.5 m³/h limit) in an area the quake spares: the alarm the operator acknowledges.
        var burstMeter = run.Scenario.Meters.First(m => m.Area.Id == "shinjuku-demo-3");
        burstMeter.Premises.Add(new BurstPipe(quakeAt, 3000));

        var seed = ScenarioFiles.WriteRegistrySeed(run.Scenario, Path.Combine(_dataDir, "registry-seed.json"));
        var catalog = ScenarioFiles.WriteAreaCatalog(run.Scenario, Path.Combine(_dataDir, "areas.json"));
        await using var ingest = await IngestServer.StartAsync(
            _dataDir,
            "--Edge:Ingest:Registry:SeedFile=" + seed,
            "--Edge:Ingest:Analytics:AreaService:CatalogPath=" + catalog,
            "--Edge:Ingest:Analytics:AreaService:PollInterval=00:00:01",
            "--Edge:Ingest:Analytics:AreaService:StatusWindowHours=24",
            "--Edge:Ingest:Analytics:AreaService:BaselineWeeks=2",
            "--Edge:Ingest:Analytics:AreaService:MinBaselineWeeks=2");

        // History: day batches up to the quake's hour.
        while (run.Scenario.Now < quakeHour)
        {
            await PostAsync(ingest, run.Scenario.NextBatch((int)Math.Min(24, (quakeHour - run.Scenario.Now).TotalHours)));
        }

        await using var browser = await DashboardBrowser.LaunchAsync();
        var page = await browser.Context.NewPageAsync();
        await page.GotoAsync($"{ingest.Url}/dashboard/#key={ingest.OperatorKey}&operator=test-operator");

        // The six areas drawn, every one normal before the quake; the key gone from the address bar; the stream live.
        await Assertions.Expect(page.Locator("#map g.area")).ToHaveCountAsync(6, new() { Timeout = 60_000 });
        await Assertions.Expect(page.Locator("#map g.area[data-status='normal']")).ToHaveCountAsync(6, new() { Timeout = 60_000 });
        Assert.DoesNotContain(ingest.OperatorKey, page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-stream", "live", new() { Timeout = 30_000 });

        // The quake: hour by hour, as a gateway would deliver them; look at the page after each.
        var outage = page.Locator($"#map g.area[data-area-id='{CutArea}'][data-status='suspected-outage']");
        TimeSpan? cutToOutage = null;
        while (run.Scenario.Now < quakeHour.AddHours(3))
        {
            await PostAsync(ingest, run.Scenario.NextBatch(1));
            try
            {
                await outage.WaitForAsync(new() { Timeout = 20_000 });
                cutToOutage = run.Scenario.Now - quakeAt;
                break;
            }
            catch (TimeoutException)
            {
                // Not yet: the rule needs two whole hours of zeros.
            }
        }

        Assert.NotNull(cutToOutage);
        while (run.Scenario.Now < quakeHour.AddHours(3))
        {
            await PostAsync(ingest, run.Scenario.NextBatch(1));
        }

        // Both cut areas, the text label beside the colour, and the change logged from the stream (the page's own
        // 60 s poll cannot have brought it: the page was loaded before the cut and the wait is shorter).
        await Assertions.Expect(page.Locator("#map g.area[data-status='suspected-outage']")).ToHaveCountAsync(2, new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator($"#areas tr[data-area-id='{CutArea}'] td.status")).ToHaveTextAsync("Suspected outage");
        await Assertions.Expect(page.Locator("#events")).ToContainTextAsync("Suspected outage");

        // The burst alarm in the list; acknowledge it; the page and the API agree.
        var burst = page.Locator("#alarms li[data-kind='burst']").First;
        await burst.WaitForAsync(new() { Timeout = 30_000 });
        var alarmId = await burst.GetAttributeAsync("data-alarm-id");
        Assert.False(string.IsNullOrEmpty(alarmId));
        await burst.Locator("button.acknowledge").ClickAsync();
        await Assertions.Expect(burst.Locator(".alarm-state")).ToContainTextAsync("Open, acknowledged", new() { Timeout = 15_000 });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{ingest.Url}/v1/alarms/{Uri.EscapeDataString(alarmId!)}");
        request.Headers.Add("X-Api-Key", ingest.OperatorKey);
        using var response = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var alarm = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(alarm.GetProperty("acknowledged").GetBoolean());
        Assert.Equal(burstMeter.DeviceId, alarm.GetProperty("meterId").GetString());
        Assert.Contains(alarm.GetProperty("history").EnumerateArray(), c =>
            c.GetProperty("kind").GetString() == "acknowledged" && c.GetProperty("operator").GetString() == "test-operator");

        // The burst meter's chart: 12 L/h of steady use plus 3,000 L/h of burst = 3,012 L in each whole hour after it.
        await burst.GetByRole(AriaRole.Button, new() { Name = "Chart" }).ClickAsync();
        await Assertions.Expect(page.Locator("#chart-note")).ToContainTextAsync($"Meter {burstMeter.DeviceId}");
        await Assertions.Expect(page.Locator("#chart rect.bar title").Filter(new() { HasText = "3012 L" })).ToHaveCountAsync(2, new() { Timeout = 15_000 });

        var shot = DashboardBrowser.ScreenshotPath("earthquake.png");
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        var report = $"dashboard screenshot: {shot}; simulated time from the cut to 'suspected outage' on the page: {cutToOutage:hh\\:mm}";
        output.WriteLine(report);
        Console.WriteLine(report);
        await File.WriteAllTextAsync(Path.ChangeExtension(shot, ".txt"), report + Environment.NewLine);
    }

    private async Task PostAsync(IngestServer ingest, Batch batch)
    {
        var status = await IngestBatchPost.SendAsync(_http, new Uri(ingest.Url + "/v1/batches"), ingest.GatewayKey, BatchCodec.Encode(batch), CancellationToken.None);
        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.Accepted or HttpStatusCode.Created, $"batch {batch.Sequence}: {status}");
    }
}
