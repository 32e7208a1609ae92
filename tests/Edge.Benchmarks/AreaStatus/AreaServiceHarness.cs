using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Edge.Ingest.Analytics.Areas;
using Edge.Ingest.Analytics.AreaService;

namespace Edge.Benchmarks.AreaStatus;

/// <summary>
/// <c>area-service</c>: milliseconds of the in-memory part of one <see cref="AreaStatusService"/> recompute for a ward of
/// 100,000 meters (100 areas × 1,000): per area, the baseline from 4 weeks of hourly volumes (min. 2 weeks per slot)
/// and the 168 h window through a fresh engine (<see cref="AreaStatusService.Judge"/>, the service's defaults). The
/// store reads before it are not included. One area's 840 h × 1,000 volumes are generated once (seeded) and judged
/// 100 times under different ids, so the ward's 1.3 GB of volumes never sit in memory at once.
/// </summary>
internal static class AreaServiceHarness
{
    private const int Areas = 100;
    private const int MetersPerArea = 1000;
    private const int Runs = 3;

    public static int Run(TextWriter output)
    {
#if DEBUG
        output.WriteLine("warning: Debug build; figures are for -c Release");
#endif
        var options = new AreaServiceOptions();
        var windowHours = options.StatusWindowHours;
        var total = (options.BaselineWeeks * 7 * 24) + windowHours;
        var from = new DateTimeOffset(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);
        var boundaries = Enumerable.Range(0, total + 1).Select(h => from.AddHours(h)).ToArray();
        var random = new Random(8);
        var hours = new decimal?[total][];
        for (var h = 0; h < total; h++)
        {
            hours[h] = new decimal?[MetersPerArea];
            // The last day of the window is dry from its 6th hour: the outage path runs, not only the normal one.
            var dry = h >= total - 18;
            for (var m = 0; m < MetersPerArea; m++)
            {
                hours[h][m] = random.Next(100) == 0 ? null : dry ? 0m : random.Next(0, 41) / 1000m;
            }
        }

        var areas = Enumerable.Range(0, Areas)
            .Select(a => new AreaMeters($"area-{a:000}", [.. Enumerable.Range(0, MetersPerArea).Select(m => $"wm-{a:000}-{m:0000}")])).ToArray();
        var statusOptions = new AreaStatusOptions();
        output.WriteLine($"area-service: {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSArchitecture}, {Environment.ProcessorCount} cores visible; ward of {Areas * MetersPerArea:N0} meters ({Areas} areas x {MetersPerArea}), {total - windowHours} h baseline history + {windowHours} h window per area, one thread; 1 warm-up, median of {Runs} runs");

        var statuses = Judge(areas, boundaries, hours, total - windowHours, statusOptions, options);
        output.WriteLine("final statuses: " + string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));
        var times = new double[Runs];
        var cpu = new double[Runs];
        for (var r = 0; r < Runs; r++)
        {
            // Processor time too: on a machine shared with other work the wall clock mostly measures the queue.
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            Judge(areas, boundaries, hours, total - windowHours, statusOptions, options);
            times[r] = sw.Elapsed.TotalMilliseconds;
            cpu[r] = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
        }

        Array.Sort(times);
        Array.Sort(cpu);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"area_service_judge_ms_per_ward_recompute={times[Runs / 2]:F1}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"area_service_judge_cpu_ms_per_ward_recompute={cpu[Runs / 2]:F1}"));
        return 0;
    }

    private static AreaStatusKind[] Judge(
        AreaMeters[] areas, DateTimeOffset[] boundaries, decimal?[][] hours, int windowIndex, AreaStatusOptions statusOptions, AreaServiceOptions options) =>
        [.. areas.Select(a => AreaStatusService.Judge(a, boundaries, hours, windowIndex, statusOptions, options, boundaries[^1])!.Status)];
}
