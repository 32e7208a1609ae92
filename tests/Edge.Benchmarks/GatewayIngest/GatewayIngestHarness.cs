using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Edge.Benchmarks.GatewayIngest;

/// <summary>
/// <c>gateway-ingest</c>: readings per second from MQTT QoS 1 publish to committed-and-acknowledged, through
/// the real gateway in this process, against plain SQLite inserts of the same rows on the same file system.
/// </summary>
internal static class GatewayIngestHarness
{
    private const int Devices = 200;
    private const int ReadingsPerFrame = 24;
    private static readonly TimeSpan _warmUp = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan _measured = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan _slice = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(TextWriter output)
    {
        var root = Path.Combine(Path.GetTempPath(), $"edge-gateway-ingest-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        try
        {
            return await RunInAsync(root, output).ConfigureAwait(false);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException ex)
            {
                Line(output, $"warning: could not delete {root}: {ex.Message}");
            }
        }
    }

    private static async Task<int> RunInAsync(string root, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        var devices = Enumerable.Range(1, Devices).Select(i => ($"pm-{i:D6}", $"bench-password-{i}")).ToList();
        var gatewayDir = Path.Combine(root, "gateway");
        var publishers = devices.Select((d, i) => new DevicePublisher(d.Item1, d.Item2, ReadingsPerFrame, i + 1)).ToList();

        var gateway = await GatewayUnderLoad.StartAsync(gatewayDir, devices).ConfigureAwait(false);
        (long Stored, long Commits, long Frames) atStart, atEnd;
        var samples = new List<(long Stored, long Commits, long Frames)>();
        try
        {
            await Task.WhenAll(publishers.Select(p => p.ConnectAsync(gateway.MqttPort))).ConfigureAwait(false);
            var begin = Stopwatch.GetTimestamp();
            var from = begin + Ticks(_warmUp);
            var until = from + Ticks(_measured);
            var load = publishers.Select(p => Task.Run(() => p.RunAsync(from, until))).ToList();

            // Counters sampled every slice from the start of the warm-up: does the rate hold up as the store grows?
            samples.Add(Snapshot(gateway));
            for (var at = begin + Ticks(_slice); at <= until; at += Ticks(_slice))
            {
                await DelayUntil(at).ConfigureAwait(false);
                samples.Add(Snapshot(gateway));
            }

            atStart = samples[(int)(_warmUp / _slice)];
            atEnd = samples[^1];
            await Task.WhenAll(load).ConfigureAwait(false);
            await Task.WhenAll(publishers.Select(p => p.DisconnectAsync())).ConfigureAwait(false);
        }
        finally
        {
            await gateway.DisposeAsync().ConfigureAwait(false);
        }

        var counters = gateway.Counters;
        if (counters.ReadingsDuplicate != 0 || counters.FramesRefused != 0 || counters.StoreFailures != 0)
        {
            throw new InvalidOperationException($"the gateway run was not clean: {counters}");
        }

        var readings = publishers.Sum(p => p.WindowReadings);
        var frames = publishers.Sum(p => p.WindowFrames);
        var latencies = publishers.SelectMany(p => p.WindowLatenciesMs).Order().ToList();
        var gatewayRate = readings / _measured.TotalSeconds;
        var commits = atEnd.Commits - atStart.Commits;
        var perCommit = (double)(atEnd.Stored - atStart.Stored) / commits;
        var framesPerCommit = (double)(atEnd.Frames - atStart.Frames) / commits;

        // The same rows, the same table, the same commit grouping, the same file system: SQLite alone.
        var gatewayDb = Path.Combine(gatewayDir, "gateway.db");
        var ddl = RawSqliteBaseline.ReadingsDdl(gatewayDb);
        var triggers = RawSqliteBaseline.ReadingsTriggers(gatewayDb);
        var rows = RawSqliteBaseline.ReadRows(gatewayDb, atEnd.Stored);
        if (rows.Count != atEnd.Stored)
        {
            throw new InvalidOperationException($"the gateway's store holds {rows.Count} rows, its counters say {atEnd.Stored} were stored (evicted or expired?)");
        }

        var storeBytes = Directory.EnumerateFiles(gatewayDir).Sum(f => new FileInfo(f).Length);
        var group = Math.Max(1, (int)Math.Round(perCommit));
        var rawDir = Directory.CreateDirectory(Path.Combine(root, "raw")).FullName;
        var raw = RawSqliteBaseline.Run(Path.Combine(rawDir, "raw.db"), ddl, rows, (int)atStart.Stored, group);
        var rawRate = raw.Readings / raw.Elapsed.TotalSeconds;

        Line(output, $"gateway-ingest: {Devices} devices, each an MQTTnet 5 client (MQTT 5, QoS 1, one frame in flight: the next is published when the PUBACK is back), {ReadingsPerFrame} readings per frame encoded by Edge.Firmware SenmlFrameEncoder (seq 1, 2, 3, ...; observed 1 s apart ending now); warm-up {_warmUp.TotalSeconds:F0} s, measured {_measured.TotalSeconds:F0} s");
        Line(output, $"setup: real gateway in this process (GatewayHost.Build), clients in the same process; store in {root} ({MountInfo.Describe(root)}); WAL, synchronous=FULL; ingest url {gateway.IngestUrl} is a closed port, so nothing leaves the store; Edge:Gateway:Store:MaxBytes={GatewayUnderLoad.StoreMaxBytes} so that eviction does not run (the store files were {storeBytes / 1e6:F0} MB at the end); {Environment.ProcessorCount} logical CPUs, shared");
        Line(output, $"gateway: in the measured window {frames} frames = {readings} readings acknowledged with success; PUBACK latency p50={Percentile(latencies, 0.50):F1} ms p99={Percentile(latencies, 0.99):F1} ms; store commits={commits}, readings_per_commit={perCommit:F1}, frames_per_commit={framesPerCommit:F2}; whole run: {atEnd.Stored} readings stored by the window end, no duplicates, refusals or store failures");
        var perSlice = samples.Zip(samples.Skip(1), (a, b) => ((b.Stored - a.Stored) / _slice.TotalSeconds).ToString("F0", CultureInfo.InvariantCulture));
        Line(output, $"gateway: readings stored per s in each {_slice.TotalSeconds:F0} s slice (the first {_warmUp / _slice:F0} = warm-up): {string.Join(" ", perSlice)}");
        Line(output, $"gateway_readings_per_s={gatewayRate:F0}");
        Line(output, $"sqlite_raw: the gateway's first {rows.Count} rows (id order) into a fresh table created with the gateway's own DDL (readings, UNIQUE (device, seq), and its {ddl.Count - 1} other indexes; without the gateway's triggers on it: {(triggers.Count == 0 ? "none" : string.Join(", ", triggers))}) in {rawDir}, same file system; WAL, synchronous=FULL, prepared INSERT OR IGNORE, one BEGIN IMMEDIATE..COMMIT per {group} readings (the gateway's readings_per_commit); first {atStart.Stored} rows untimed (the gateway's warm-up), then {raw.Readings} rows timed: {raw.Commits} commits in {raw.Elapsed.TotalSeconds:F2} s");
        Line(output, $"sqlite_raw_readings_per_s={rawRate:F0}");
        Line(output, $"gateway_vs_raw={gatewayRate / rawRate:F3} (= {gatewayRate:F0} / {rawRate:F0}; target >= 0.5)");
        Line(output, $"elapsed={clock.Elapsed.TotalSeconds:F1}s");
        return 0;
    }

    private static (long Stored, long Commits, long Frames) Snapshot(GatewayUnderLoad gateway) =>
        (gateway.Counters.ReadingsStored, gateway.Counters.StoreCommits, gateway.Counters.FramesAccepted);

    private static long Ticks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    private static async Task DelayUntil(long timestamp)
    {
        var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining).ConfigureAwait(false);
        }
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static void Line(TextWriter output, FormattableString text) => output.WriteLine(text.ToString(CultureInfo.InvariantCulture));
}
