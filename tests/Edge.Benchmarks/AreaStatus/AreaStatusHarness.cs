using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Edge.Ingest.Analytics.Areas;

namespace Edge.Benchmarks.AreaStatus;

/// <summary>
/// <c>area-status</c>: milliseconds to recompute the disaster area status of a ward of 100,000 meters (100 areas of
/// 1,000 meters) over a window of hourly volumes held in memory, as after a backfill: fresh engines, every hour fed.
/// </summary>
internal static class AreaStatusHarness
{
    private const int Areas = 100;
    private const int MetersPerArea = 1000;
    private const int Runs = 5;
    private const int WarmUps = 5;

    public static int Run(TextWriter output, int hours)
    {
#if DEBUG
        output.WriteLine("warning: Debug build; figures are for -c Release");
#endif
        var from = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var ward = new WardSeries(Areas, MetersPerArea, hours, from);
        var options = new AreaStatusOptions();
        output.WriteLine($"area-status: {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSArchitecture}, {Environment.ProcessorCount} cores visible; ward of {ward.Meters:N0} meters ({Areas} areas x {MetersPerArea}), {hours} h window in memory, one thread; {WarmUps} warm-ups (tiered JIT), median of {Runs} runs");

        var statuses = ward.Recompute(options);
        for (var w = 1; w < WarmUps; w++)
        {
            ward.Recompute(options);
        }

        output.WriteLine("final statuses: " + string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}")));

        var times = new double[Runs];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var r = 0; r < Runs; r++)
        {
            var sw = Stopwatch.StartNew();
            ward.Recompute(options);
            times[r] = sw.Elapsed.TotalMilliseconds;
        }

        var allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / Runs;
        Array.Sort(times);
        var median = times[Runs / 2];
        var meterHours = (double)ward.Meters * hours;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"area_status_ms_per_ward_recompute={median:F1}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"area_status_ms_per_ward_hour={median / hours:F2}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"area_status_ns_per_meter_hour={median * 1e6 / meterHours:F1}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"area_status_allocated_bytes_per_recompute={allocated}"));
        return 0;
    }
}
