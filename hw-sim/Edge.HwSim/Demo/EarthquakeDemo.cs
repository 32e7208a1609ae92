using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Edge.HwSim.Physics;
using Edge.HwSim.Scenarios;
using Edge.Ingest;
using Edge.Uplink;
using Spectre.Console;

namespace Edge.HwSim.Demo;

/// <summary>
/// <c>demo --scenario earthquake</c>: the real ingest on SQLite (loopback) fed the earthquake scenario's batches as a
/// gateway would post them: weeks of ordinary use for the baseline, then the quake hour by hour, with a burst, a
/// broken main (backflow) and a leaking toilet in the spared areas so that the alarm list has something to show.
/// Prints the ingest and dashboard URLs first, each area's status change as the ingest reports it, and the simulated
/// time from the cut to "suspected outage".
/// </summary>
public sealed class EarthquakeDemo(DemoSettings settings, IAnsiConsole console)
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly string _gatewayKey = "gw-" + Guid.NewGuid().ToString("N");
    private readonly string _operatorKey = "op-" + Guid.NewGuid().ToString("N");
    private readonly string _disasterKey = "ds-" + Guid.NewGuid().ToString("N");

    /// <summary>Runs the demo; returns 0 when the cut areas were reported as a suspected outage.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // 10:00 JST (01:00 UTC) on the latest day that leaves 54 h before now: the quake, its outage and the two days
        // of restoration all lie in the past (the ingest refuses readings from the future).
        var now = DateTimeOffset.UtcNow;
        var quakeAt = new DateTimeOffset(now.AddHours(-54).Date, TimeSpan.Zero).AddHours(1);
        quakeAt = quakeAt > now.AddHours(-54) ? quakeAt.AddDays(-1) : quakeAt;
        var run = EarthquakeScenario.Create(new EarthquakeOptions
        {
            QuakeAt = quakeAt, Seed = settings.Seed, MetersPerArea = Math.Max(5, settings.Meters / 6), History = TimeSpan.FromDays(35),
        });
        AddSideEvents(run);

        var dataDir = Path.GetFullPath(settings.DataDir);
        var seed = ScenarioFiles.WriteRegistrySeed(run.Scenario, Path.Combine(dataDir, "registry-seed.json"));
        var catalog = ScenarioFiles.WriteAreaCatalog(run.Scenario, Path.Combine(dataDir, "areas.json"));
        var url = "http://127.0.0.1:" + PortFinder.FreeTcpPort().ToString(CultureInfo.InvariantCulture);
        string[] args =
        [
            "--urls", url,
            "--Edge:Ingest:DatabasePath=" + Path.Combine(dataDir, "ingest.db"),
            "--Edge:Ingest:ApiKeys:0:Key=" + _gatewayKey, "--Edge:Ingest:ApiKeys:0:Role=gateway", "--Edge:Ingest:ApiKeys:0:GatewayId=" + run.Scenario.GatewayId,
            "--Edge:Ingest:ApiKeys:1:Key=" + _operatorKey, "--Edge:Ingest:ApiKeys:1:Role=waterworks",
            "--Edge:Ingest:ApiKeys:2:Key=" + _disasterKey, "--Edge:Ingest:ApiKeys:2:Role=disaster",
            "--Edge:Ingest:Registry:SeedFile=" + seed,
            "--Edge:Ingest:Analytics:AreaService:CatalogPath=" + catalog,
            "--Edge:Ingest:Analytics:AreaService:PollInterval=00:00:01",

            // The demo replays the last 54-78 hours in fast time on the real clock: without this, the hours before and
            // just after the quake would be judged "communications lost" (older than the default 26 h) as they arrive.
            "--Edge:Ingest:Analytics:AreaService:StaleAfterHours=96",
            "--Logging:LogLevel:Default=Warning",
        ];
        await using var ingest = IngestHost.Build(args);
        await ingest.StartAsync(cancellationToken);
        console.MarkupLine($"[bold]Edge demo, earthquake[/]: {run.Scenario.Meters.Count} simulated meters in {run.Scenario.Areas.Count} status areas of Shinjuku (invented outlines) -> ingest ({Markup.Escape(dataDir)})");
        console.WriteLine($"  ingest API        {url}   (OpenAPI: {url}/openapi/v1.json)");
        console.WriteLine($"  dashboard         {url}/dashboard/#key={_operatorKey}");
        console.WriteLine($"  disaster view     {url}/dashboard/#key={_disasterKey}   (area aggregates only, no alarms)");
        console.WriteLine($"  quake             {Time(quakeAt)} cuts {string.Join(", ", EarthquakeScenario.DefaultCutAreas)}; restored {Time(run.RestoredAt.Min())} .. {Time(run.RestoredAt.Max())}");

        var quakeHour = DateTimeOffset.FromUnixTimeMilliseconds(quakeAt.ToUnixTimeMilliseconds() / 3_600_000 * 3_600_000);
        while (run.Scenario.Now < quakeHour && !cancellationToken.IsCancellationRequested)
        {
            await PostAsync(url, run.Scenario.NextBatch((int)Math.Min(24, (quakeHour - run.Scenario.Now).TotalHours)), cancellationToken);
        }

        console.MarkupLine($"[grey]baseline: {run.Scenario.ReadingsTaken} readings of {TimeSpan.FromDays(35).TotalDays} days posted; now the quake, hour by hour[/]");
        var statuses = await WaitForStatusAsync(url, run.Scenario.Now.AddHours(-1), cancellationToken);
        var end = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
        var stepDelay = TimeSpan.FromSeconds(1 / Math.Max(0.01, settings.HoursPerSecond));
        DateTimeOffset? outageAt = null;
        while (run.Scenario.Now < end && !cancellationToken.IsCancellationRequested)
        {
            var started = DateTime.UtcNow;
            await PostAsync(url, run.Scenario.NextBatch(1), cancellationToken);
            var next = await WaitForStatusAsync(url, run.Scenario.Now.AddHours(-1), cancellationToken);
            foreach (var (area, (status, households)) in next)
            {
                if (!statuses.TryGetValue(area, out var before) || before.Status != status)
                {
                    console.WriteLine($"  sim {Time(run.Scenario.Now)}  {area}: {status} (households without water {households})");
                    if (status == "suspected-outage" && outageAt is null && EarthquakeScenario.DefaultCutAreas.Contains(area))
                    {
                        outageAt = run.Scenario.Now;
                    }
                }
            }

            statuses = next;
            var wait = stepDelay - (DateTime.UtcNow - started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }

        console.WriteLine(outageAt is { } at
            ? $"Cut {Time(quakeAt)} -> 'suspected outage' with the data up to {Time(at)}: {(at - quakeAt).TotalMinutes:0} simulated minutes."
            : "No suspected outage was reported for the cut areas.");
        console.WriteLine($"Readings posted: {run.Scenario.ReadingsTaken}.");
        if (settings.KeepServing && !cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine("[green]ingest still serving; open the dashboard URL above; Ctrl-C to stop[/]");
            await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, CancellationToken.None);
        }

        await ingest.StopAsync(CancellationToken.None);
        return outageAt is null ? 1 : 0;
    }

    // What else the quake does in the spared areas: a burst pipe, a broken main siphoning back through four meters,
    // and (from before the quake) a leaking toilet; each is an alarm on the page.
    private static void AddSideEvents(EarthquakeScenario run)
    {
        var at = run.Quake.At;
        var byArea = run.Scenario.Meters.GroupBy(m => m.Area.Id).ToDictionary(g => g.Key, g => g.ToList());
        byArea["shinjuku-demo-3"][0].Premises.Add(new BurstPipe(at.AddMinutes(20), 3000, at.AddHours(5)));
        new MainBreak(at, at.AddHours(3), 40).ApplyTo(byArea["shinjuku-demo-5"].Take(4));
        byArea["shinjuku-demo-6"][0].Premises.Add(new LeakingToilet(at.AddDays(-3), 4));
    }

    private async Task PostAsync(string url, Batch batch, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var status = await IngestBatchPost.SendAsync(_http, new Uri(url + "/v1/batches"), _gatewayKey, BatchCodec.Encode(batch), cancellationToken);
            if (status is { } s && (int)s is >= 200 and < 300)
            {
                return;
            }

            if (attempt >= 5)
            {
                throw new InvalidOperationException($"The ingest did not take batch {batch.Sequence}: {status?.ToString() ?? "unreachable"}.");
            }

            await Task.Delay(1000, cancellationToken);
        }
    }

    // Each area's status once the service has judged the hour starting at hourStart (at most 15 s of waiting).
    private async Task<Dictionary<string, (string Status, int Households)>> WaitForStatusAsync(string url, DateTimeOffset hourStart, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, (string, int)>(StringComparer.Ordinal);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        do
        {
            result.Clear();
            var judged = true;
            using var request = new HttpRequestMessage(HttpMethod.Get, url + "/v1/areas/status");
            request.Headers.Add("X-Api-Key", _operatorKey);
            using var response = await _http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                var doc = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                foreach (var feature in doc.GetProperty("features").EnumerateArray())
                {
                    var p = feature.GetProperty("properties");
                    if (p.GetProperty("kind").GetString() != "area")
                    {
                        continue;
                    }

                    var hour = p.TryGetProperty("hour", out var h) && h.ValueKind == JsonValueKind.String ? h.GetDateTimeOffset() : DateTimeOffset.MinValue;
                    judged &= hour >= hourStart;
                    result[p.GetProperty("areaId").GetString()!] = (p.GetProperty("status").GetString()!, p.GetProperty("householdsWithoutWater").GetInt32());
                }

                if (judged && result.Count > 0)
                {
                    return result;
                }
            }

            await Task.Delay(250, cancellationToken);
        }
        while (DateTime.UtcNow < deadline);
        return result;
    }

    private static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
}
