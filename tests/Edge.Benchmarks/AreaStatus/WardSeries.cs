using Edge.Ingest.Analytics.Areas;
using Edge.Ingest.Consumption;

namespace Edge.Benchmarks.AreaStatus;

/// <summary>
/// A synthetic ward in memory: <c>areas</c> × <c>metersPerArea</c> meters, a baseline for every hour of the week, and
/// <c>hours</c> hourly volumes per meter. Every third area loses water from hour 6 to hour 14 and then resumes, so the
/// recomputation walks the outage and restoration paths, not only the normal one. Deterministic (seeded).
/// </summary>
internal sealed class WardSeries
{
    public WardSeries(int areas, int metersPerArea, int hours, DateTimeOffset from)
    {
        var random = new Random(8);
        Baselines = new AreaBaseline[areas];
        Hours = new AreaHour[areas][];
        for (var a = 0; a < areas; a++)
        {
            var meters = new AreaMeters($"area-{a:000}", [.. Enumerable.Range(0, metersPerArea).Select(m => $"wm-{a:000}-{m:0000}")]);
            var baseline = new AreaBaseline(meters);
            // 90 % of the meters are normally active; the median area volume is 15 l per active meter.
            var active = Enumerable.Range(0, metersPerArea).Select(m => m % 10 != 0).ToArray();
            for (var slot = 0; slot < HourOfWeek.Count; slot++)
            {
                baseline.Set(slot, 0.015m * active.Count(x => x), active);
            }

            Baselines[a] = baseline;
            var cut = a % 3 == 0;
            Hours[a] = new AreaHour[hours];
            for (var h = 0; h < hours; h++)
            {
                var volumes = new decimal?[metersPerArea];
                var dry = cut && h is >= 6 and < 14;
                for (var m = 0; m < metersPerArea; m++)
                {
                    // 1 % silent at random; a dry area's meters read zero; otherwise 0-40 l in whole litres.
                    volumes[m] = random.Next(100) == 0 ? null : dry ? 0m : random.Next(0, 41) / 1000m;
                }

                Hours[a][h] = new AreaHour(from.AddHours(h), volumes);
            }
        }
    }

    public AreaBaseline[] Baselines { get; }

    public AreaHour[][] Hours { get; }

    public int Meters => Baselines.Sum(b => b.Meters.Count);

    /// <summary>Recomputes every area's status over all hours from fresh engines; returns the final statuses.</summary>
    public AreaStatusKind[] Recompute(AreaStatusOptions options)
    {
        var result = new AreaStatusKind[Baselines.Length];
        for (var a = 0; a < Baselines.Length; a++)
        {
            var engine = new AreaStatusEngine(Baselines[a], options, TokyoTime.Zone);
            foreach (var hour in Hours[a])
            {
                engine.Step(hour);
            }

            result[a] = engine.Current!.Status;
        }

        return result;
    }
}
