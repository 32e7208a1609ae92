using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Edge.Ingest;
using Edge.Ingest.Analytics;
using Edge.Ingest.Analytics.Stream;
using Edge.Ingest.Analytics.Welfare;
using Edge.Ingest.Normalisation;
using Edge.Ingest.Normalisation.Units;
using Edge.Ingest.Registry;
using Edge.Ingest.Storage;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Edge.Benchmarks.WelfareWatch;

/// <summary>
/// <c>welfare-tick</c>: what the welfare worker's timer costs per enrolled household: its hours over the 2-day lookback
/// read from the store (SQLite file, 3 days hourly per meter), the rules run and the (already recorded) findings matched
/// against the book. One thread, as the worker runs.
/// </summary>
internal static class WelfareTickHarness
{
    private const int Households = 200;
    private const int Days = 3;

    public static async Task<int> RunAsync(TextWriter output)
    {
#if DEBUG
        output.WriteLine("warning: Debug build; figures are for -c Release");
#endif
        var root = Path.Combine(Path.GetTempPath(), $"edge-welfare-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        try
        {
            var now = new DateTimeOffset(2026, 6, 1, 3, 0, 0, TimeSpan.Zero);
            using var store = new SqliteIngestStore(
                Options.Create(new IngestOptions { DatabasePath = Path.Combine(root, "ingest.db") }), new BenchEnvironment(root));
            await store.InitializeAsync(default);
            var registry = new InMemoryDeviceRegistry();
            for (var m = 0; m < Households; m++)
            {
                var meter = new DeviceRegistration($"meter-{m:D4}", "gw-bench", DeviceKind.WaterMeter,
                    [new ChannelSpec("volume", Quantity.Volume, "l")], new GeoPoint(35.6940, 139.7536), AreaCode.Parse("13101"),
                    new MeterProfile(null, 2.5m),
                    new WelfareEnrolment(true, $"hh-{m:D4}", TimeSpan.FromHours(12), [new DailyWindow(new TimeOnly(22, 0), new TimeOnly(6, 0))], []));
                await registry.UpsertAsync(meter, default);
                await store.StoreBatchAsync(Days3(meter.DeviceId, m + 1, now), default);
            }

            var time = new FixedTime(now);
            var book = new WelfareBook(store, new AnalyticsEventHub(), time);
            var recomputer = new WelfareRecomputer(store, registry, book, Options.Create(new AnalyticsOptions()),
                Options.Create(new WelfareServiceOptions()), time);
            output.WriteLine($"welfare-tick: {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores visible; {Households} enrolled households x {Days} days hourly in SQLite, one thread; first tick records, second tick measured (nothing new)");

            await recomputer.TickAsync((_, _) => false, default);
            var sw = Stopwatch.StartNew();
            await recomputer.TickAsync((_, _) => false, default);
            var perHousehold = sw.Elapsed.TotalMilliseconds / Households;
            var events = (await book.SnapshotAsync(default)).Count;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"welfare_tick_ms_per_household={perHousehold:F2}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"welfare_households_per_5min_tick_one_thread={300_000 / perHousehold:F0}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"welfare_events_held={events}"));
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    // A household's days: 40 l in each of 07:00, 08:00, 19:00 and 20:00 local; nothing otherwise.
    private static BatchWrite Days3(string meterId, long sequence, DateTimeOffset now)
    {
        var readings = new List<NormalisedReading>();
        var from = now.AddDays(-Days);
        long litres = 0;
        for (var h = 0; h <= Days * 24; h++)
        {
            var at = from.AddHours(h);
            readings.Add(new NormalisedReading(meterId, h + 1, "volume", at.ToUnixTimeMilliseconds(), "ntp", 0,
                litres / 1000.0, "m3", "MTQ", litres, 0, "l"));
            var local = (at.Hour + 9) % 24;
            litres += local is 7 or 8 or 19 or 20 ? 40 : 0;
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
