using System.Globalization;
using Edge.HwSim.Fleet;
using Spectre.Console;

namespace Edge.HwSim.Demo;

/// <summary>
/// The demo: simulated meters -> real gateway -> real ingest on SQLite, all on loopback, with progress
/// while it runs and a summary of what was sent, stored and deduplicated at the end.
/// </summary>
public sealed class DemoRunner(DemoSettings settings, IAnsiConsole console)
{
    /// <summary>Runs the demo; returns the process exit code (0 when nothing was lost).</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        // Start 30 simulated days ago on the hour; once simulated time reaches the present it follows the
        // real clock (the ingest rightly refuses readings from the future).
        var start = (DateTimeOffset.UtcNow.AddDays(-30).ToUnixTimeMilliseconds() / 3_600_000) * 3_600_000;
        var fleetOptions = new FleetOptions { Meters = settings.Meters, Seed = settings.Seed, MqttPort = PortFinder.FreeTcpPort(), StartUnixMs = start };
        var stackOptions = new StackOptions { DataDir = Path.GetFullPath(settings.DataDir), Fleet = fleetOptions, IngestPort = PortFinder.FreeTcpPort() };
        console.MarkupLine($"[bold]Edge demo[/]: {settings.Meters} simulated pulse water meters -> gateway (MQTT :{fleetOptions.MqttPort}) -> ingest ({Markup.Escape(stackOptions.DataDir)})");
        await using var stack = await SimStack.StartAsync(stackOptions, cancellationToken);
        PrintWhereToLook(stack);

        using var fleet = new PulseMeterFleet(fleetOptions);
        var started = DateTime.UtcNow;
        var hours = 0;
        var stepDelay = TimeSpan.FromSeconds(1 / Math.Max(0.01, settings.HoursPerSecond));
        while (!cancellationToken.IsCancellationRequested
               && (settings.SimulatedHours is null || hours < settings.SimulatedHours)
               && (settings.Duration is null || DateTime.UtcNow - started < settings.Duration))
        {
            var stepStart = DateTime.UtcNow;
            fleet.AdvanceTo(fleet.NowUnixMs + 3_600_000);
            hours++;
            if (hours % 6 == 0)
            {
                await PrintProgressAsync(stack, fleet, CancellationToken.None);
            }

            var wait = stepDelay - (DateTime.UtcNow - stepStart);
            var aheadOfRealTime = TimeSpan.FromMilliseconds(fleet.NowUnixMs + 3_600_000 - DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            if (aheadOfRealTime > wait)
            {
                wait = aheadOfRealTime;
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken).ContinueWith(_ => { }, CancellationToken.None);
            }
        }

        console.MarkupLine("[grey]stopping: sending what the meters still hold and waiting for the ingest...[/]");
        var drained = fleet.Drain();
        var arrived = await stack.WaitForIngestAsync(fleet.ReadingsTaken, TimeSpan.FromSeconds(60), CancellationToken.None);
        var stats = await stack.GetStatsAsync(CancellationToken.None);
        PrintSummary(stack, fleet, hours, stats);

        if (settings.KeepServing && !cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine("[green]ingest still serving; Ctrl-C to stop[/]");
            await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, CancellationToken.None);
        }

        return drained && arrived && stats.Readings == fleet.ReadingsTaken ? 0 : 1;
    }

    private void PrintWhereToLook(SimStack stack)
    {
        var url = stack.IngestUrl;
        console.MarkupLine($"  ingest API      {url}   (OpenAPI: {url}/openapi/v1.json)");
        console.MarkupLine($"  reader key      {stack.Options.ReaderKey}");
        console.MarkupLine($"  ingest data     {Markup.Escape(stack.IngestDatabase)}");
        console.MarkupLine($"  gateway config  {Markup.Escape(stack.GatewayConfigPath)}");
    }

    private async Task PrintProgressAsync(SimStack stack, PulseMeterFleet fleet, CancellationToken cancellationToken)
    {
        var stored = "?";
        try
        {
            stored = (await stack.GetStatsAsync(cancellationToken)).Readings.ToString(CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException)
        {
            // The ingest is momentarily unavailable; show what we know.
        }

        var now = DateTimeOffset.FromUnixTimeMilliseconds(fleet.NowUnixMs).ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
        console.MarkupLine($"  sim {now}  readings taken {fleet.ReadingsTaken,6}  acked by gateway {fleet.ReadingsSent,6}  in ingest {stored,6}");
    }

    private void PrintSummary(SimStack stack, PulseMeterFleet fleet, int hours, IngestStats stats)
    {
        var table = new Table().AddColumn("what").AddColumn(new TableColumn("count").RightAligned());
        table.AddRow("meters", fleet.Nodes.Count.ToString(CultureInfo.InvariantCulture));
        table.AddRow("simulated hours", hours.ToString(CultureInfo.InvariantCulture));
        table.AddRow("readings sent (taken by the meters)", fleet.ReadingsTaken.ToString(CultureInfo.InvariantCulture));
        table.AddRow("readings acknowledged by the gateway", fleet.ReadingsSent.ToString(CultureInfo.InvariantCulture));
        var gateway = stack.GatewayCounters;
        if (gateway is not null)
        {
            table.AddRow("frames refused by the gateway", gateway.FramesRefused.ToString(CultureInfo.InvariantCulture));
            table.AddRow("readings deduplicated by the gateway", gateway.ReadingsDuplicate.ToString(CultureInfo.InvariantCulture));
        }

        table.AddRow("readings stored in the ingest", stats.Readings.ToString(CultureInfo.InvariantCulture));
        table.AddRow("readings deduplicated by the ingest", stats.DuplicateReadings.ToString(CultureInfo.InvariantCulture));
        table.AddRow("batches stored / deduplicated", $"{stats.Batches} / {stats.DuplicateBatches}");
        table.AddRow("missing (sent - stored)", (fleet.ReadingsTaken - stats.Readings).ToString(CultureInfo.InvariantCulture));
        console.Write(table);

        var key = stack.Options.ReaderKey;
        var url = stack.IngestUrl;
        var first = FleetOptions.DeviceId(0);
        console.WriteLine("Where to look:");
        console.WriteLine($"  curl -H 'X-Api-Key: {key}' {url}/v1/meters/{first}/readings");
        console.WriteLine($"  curl -H 'X-Api-Key: {key}' {url}/v1/stats");
        console.WriteLine($"  curl {url}/openapi/v1.json");
        console.WriteLine($"  sqlite3 {stack.IngestDatabase}");
        console.WriteLine("To serve this data again after the demo:");
        console.WriteLine($"  dotnet run --project cloud-ingest/Edge.Ingest -- {string.Join(' ', stack.IngestArgs().Select(a => a.Contains(' ', StringComparison.Ordinal) ? "'" + a + "'" : a))}");
    }
}
