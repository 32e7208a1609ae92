using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Edge.Ingest;
using Edge.Ingest.Analytics;
using Edge.Ingest.Analytics.Recompute;
using Edge.Ingest.Analytics.Stream;
using Edge.Ingest.Normalisation;
using Edge.Ingest.Normalisation.Units;
using Edge.Ingest.Registry;
using Edge.Ingest.Storage;
using Edge.Ingest.Storage.Postgres;
using Edge.Ingest.Tests.Support;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Edge.Benchmarks.AlarmRecompute;

/// <summary>
/// <c>alarm-recompute</c>: what the background worker costs per meter after a batch: the meter's alarms recomputed from
/// the store (31 days of hourly readings per meter, so the 30-day lookback is full) and written back, and its area's
/// pressure-loss check. SQLite file, or with <c>--postgres</c> PostgreSQL (EDGE_PG, else a throwaway cluster). One
/// thread, as the worker runs. Three meters flag reverse flow in the same hour, so the area has one pressure-loss alarm.
/// </summary>
internal static class AlarmRecomputeHarness
{
    private const int Meters = 200;
    private const int Days = 31;
    private const int Backflowing = 3;
    private const string Area = "13101";

    public static async Task<int> RunAsync(TextWriter output, bool postgres)
    {
#if DEBUG
        output.WriteLine("warning: Debug build; figures are for -c Release");
#endif
        if (!postgres)
        {
            var root = Path.Combine(Path.GetTempPath(), $"edge-alarm-bench-{Guid.NewGuid():N}");
            Directory.CreateDirectory(root);
            try
            {
                using var store = new SqliteIngestStore(
                    Options.Create(new IngestOptions { DatabasePath = Path.Combine(root, "ingest.db") }), new BenchEnvironment(root));
                await MeasureAsync(output, store, store, "SQLite");
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(root, recursive: true);
            }

            return 0;
        }

        var configured = Environment.GetEnvironmentVariable("EDGE_PG");
        using var cluster = string.IsNullOrWhiteSpace(configured) ? ThrowawayPostgres.Start() : null;
        var admin = cluster?.ConnectionString ?? configured!;
        var database = $"edge_alarm_bench_{Guid.NewGuid():N}";
        await ExecuteAsync(admin, $"CREATE DATABASE {database}");
        try
        {
            var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
            await using var store = new PostgresIngestStore(connectionString, TimeProvider.System);
            await MeasureAsync(output, store, store, cluster is null ? "PostgreSQL (EDGE_PG)" : "PostgreSQL (throwaway cluster, fsync on)");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }

        return 0;
    }

    private static async Task MeasureAsync(TextWriter output, IIngestStore store, IAlarmStore alarms, string name)
    {
        var now = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        await store.InitializeAsync(default);
        var registry = new InMemoryDeviceRegistry();
        var meters = new List<DeviceRegistration>();
        for (var m = 0; m < Meters; m++)
        {
            var meter = new DeviceRegistration($"meter-{m:D4}", "gw-bench", DeviceKind.WaterMeter,
                [new ChannelSpec("volume", Quantity.Volume, "l")], new GeoPoint(35.6940, 139.7536), AreaCode.Parse(Area),
                new MeterProfile(null, 2.5m));
            await registry.UpsertAsync(meter, default);
            meters.Add(meter);
            await store.StoreBatchAsync(Day(meter.DeviceId, m + 1, now), default);
        }

        var time = new FixedTime(now);
        var ledger = new AlarmLedger(alarms, new AnalyticsEventHub(), time, NullLogger<AlarmLedger>.Instance);
        var recomputer = new AlarmRecomputer(store, registry, ledger, Options.Create(new AnalyticsOptions()), time);
        output.WriteLine($"alarm-recompute: {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores visible; {Meters} meters x {Days} days hourly in {name}, one thread; first pass warms up and raises, second pass measured (nothing new to raise)");
        var area = AreaCode.Parse(Area);
        var changed = now.AddHours(-1);

        var perMeter = await PerMeterAsync(recomputer, meters, changed);
        var full = await MedianAsync(() => recomputer.RecomputeAreaAsync(area, changed, default));

        // The worker's path: a batch of the backflowing meters, then one of a meter without backflow (the area's known
        // alarm hour is counted again either way).
        var backflow = meters.Take(Backflowing).ToList();
        var touched = new List<MeterSeries>();
        foreach (var meter in backflow)
        {
            touched.Add(await MeterDataLoader.SeriesAsync(store, meter, changed.AddDays(-4), now, default));
        }

        var quiet = await MeterDataLoader.SeriesAsync(store, meters[^1], changed.AddDays(-4), now, default);
        var backflowCheck = await MedianAsync(() => recomputer.RecomputeAreaAsync(area, changed, touched, default));
        var quietCheck = await MedianAsync(() => recomputer.RecomputeAreaAsync(area, changed, [quiet], default));
        var batch = await MedianAsync(() => recomputer.RecomputeMetersAsync(
            backflow.ToDictionary(m => m.DeviceId, _ => changed, StringComparer.Ordinal), (_, _) => false, default));

        // Occupied accounts: the stuck-meter rule looks back 30 days instead of 4.
        foreach (var meter in meters.ToList())
        {
            var occupied = meter with { Meter = meter.Meter! with { Occupied = true } };
            await registry.UpsertAsync(occupied, default);
            meters[meters.IndexOf(meter)] = occupied;
        }

        var perOccupied = await PerMeterAsync(recomputer, meters, changed);
        var held = await ledger.SnapshotAsync(default);
        Line(output, $"alarm_recompute_ms_per_meter={perMeter:F2}");
        Line(output, $"alarm_recompute_meters_per_s={1000 / perMeter:F0}");
        Line(output, $"alarm_recompute_ms_per_meter_occupied={perOccupied:F2} (30-day lookback)");
        Line(output, $"pressure_loss_ms_per_area_of_{Meters}_meters={full:F1} (every hour of the window, every meter read; median of 5)");
        Line(output, $"pressure_loss_check_ms_{Backflowing}_backflowing_touched={backflowCheck:F1} (their backflow hour and the known alarm's, {Meters - Backflowing} meters read for it; median of 5)");
        Line(output, $"pressure_loss_check_ms_quiet_touched={quietCheck:F1} (no backflow; the known alarm's hour counted again; median of 5)");
        Line(output, $"worker_batch_of_{Backflowing}_backflowing_meters_ms={batch:F1} (their alarms and the area check; median of 5)");
        Line(output, $"alarms_held={held.Count} (pressure loss: {held.Count(a => a.Alarm.Key.Kind == Edge.Ingest.Analytics.Alarms.AlarmKind.SuspectedPressureLoss)})");
        Line(output, $"loadavg: {File.ReadAllText("/proc/loadavg").Trim()}");
    }

    private static async Task<double> PerMeterAsync(AlarmRecomputer recomputer, List<DeviceRegistration> meters, DateTimeOffset changed)
    {
        foreach (var meter in meters)
        {
            await recomputer.RecomputeMeterAsync(meter, changed, default);
        }

        var sw = Stopwatch.StartNew();
        foreach (var meter in meters)
        {
            await recomputer.RecomputeMeterAsync(meter, changed, default);
        }

        return sw.Elapsed.TotalMilliseconds / meters.Count;
    }

    // The median of five timed runs after one untimed: the machine is shared, single runs jump.
    private static async Task<double> MedianAsync(Func<Task> work)
    {
        await work();
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var sw = Stopwatch.StartNew();
            await work();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }

        return times.Order().ElementAt(2);
    }

    private static void Line(TextWriter output, FormattableString text) => output.WriteLine(text.ToString(CultureInfo.InvariantCulture));

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }

    // A household month: nothing at night, use in the morning and evening; every 7th meter leaks 2 l/h on top.
    private static BatchWrite Day(string meterId, long sequence, DateTimeOffset now)
    {
        var readings = new List<NormalisedReading>();
        var from = now.AddDays(-Days);
        long litres = 0;
        var leak = sequence % 7 == 0 ? 2 : 0;
        for (var h = 0; h <= Days * 24; h++)
        {
            var at = from.AddHours(h);
            // The first meters flag reverse flow (FRAME.md flags bit 0) two hours before the end.
            var flags = sequence <= Backflowing && h == (Days * 24) - 2 ? 1 : 0;
            readings.Add(new NormalisedReading(meterId, h + 1, "volume", at.ToUnixTimeMilliseconds(), "ntp", flags,
                litres / 1000.0, "m3", "MTQ", litres, 0, "l"));
            var local = (h + 9) % 24;
            litres += (local is 7 or 8 or 19 or 20 ? 40 : 0) + leak;
        }

        return new BatchWrite("gw-bench", sequence, now.ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds(), readings, [], [], []);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private sealed class BenchEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Benchmark";

        public string ApplicationName { get; set; } = "Edge.Benchmarks";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
