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
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Edge.Benchmarks.AlarmRecompute;

/// <summary>
/// <c>alarm-recompute</c>: what the background worker costs per meter after a batch: the meter's alarms recomputed from
/// the store (SQLite file, 31 days of hourly readings per meter, so the 30-day lookback is full) and written back, and
/// its area's pressure-loss check over the changed day. One thread, as the worker runs.
/// </summary>
internal static class AlarmRecomputeHarness
{
    private const int Meters = 200;
    private const int Days = 31;
    private const string Area = "13101";

    public static async Task<int> RunAsync(TextWriter output)
    {
#if DEBUG
        output.WriteLine("warning: Debug build; figures are for -c Release");
#endif
        var root = Path.Combine(Path.GetTempPath(), $"edge-alarm-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        try
        {
            var now = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
            using var store = new SqliteIngestStore(
                Options.Create(new IngestOptions { DatabasePath = Path.Combine(root, "ingest.db") }), new BenchEnvironment(root));
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
            var ledger = new AlarmLedger(store, new AnalyticsEventHub(), time, NullLogger<AlarmLedger>.Instance);
            var recomputer = new AlarmRecomputer(store, registry, ledger, Options.Create(new AnalyticsOptions()), time);
            output.WriteLine($"alarm-recompute: {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores visible; {Meters} meters x {Days} days hourly in SQLite, one thread; first pass warms up and raises, second pass measured (nothing new to raise)");

            foreach (var meter in meters)
            {
                await recomputer.RecomputeMeterAsync(meter, now.AddHours(-1), default);
            }

            var sw = Stopwatch.StartNew();
            foreach (var meter in meters)
            {
                await recomputer.RecomputeMeterAsync(meter, now.AddHours(-1), default);
            }

            var perMeter = sw.Elapsed.TotalMilliseconds / Meters;
            sw.Restart();
            await recomputer.RecomputeAreaAsync(AreaCode.Parse(Area), now.AddHours(-1), default);
            var area = sw.Elapsed.TotalMilliseconds;
            var alarms = (await ledger.SnapshotAsync(default)).Count;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alarm_recompute_ms_per_meter={perMeter:F2}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alarm_recompute_meters_per_s={1000 / perMeter:F0}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"pressure_loss_ms_per_area_of_{Meters}_meters={area:F1}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"alarms_held={alarms}"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    // A household day: nothing at night, use in the morning and evening; every 7th meter leaks 2 l/h on top.
    private static BatchWrite Day(string meterId, long sequence, DateTimeOffset now)
    {
        var readings = new List<NormalisedReading>();
        var from = now.AddDays(-Days);
        long litres = 0;
        var leak = sequence % 7 == 0 ? 2 : 0;
        for (var h = 0; h <= Days * 24; h++)
        {
            var at = from.AddHours(h);
            readings.Add(new NormalisedReading(meterId, h + 1, "volume", at.ToUnixTimeMilliseconds(), "ntp", 0,
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
