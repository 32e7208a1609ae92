namespace Edge.Ingest.Analytics.Areas;

/// <summary>
/// Minimum night flow of a district metered area (issue 8): each local night's lowest hourly inflow, and the rolling
/// 20th percentile of the last seven nights. The percentile is the nearest-rank one (the smallest value with at least
/// p % of the values at or below it: rank ⌈p/100 × n⌉), so it is always a measured night, never an interpolation.
/// </summary>
public static class MinimumNightFlow
{
    /// <summary>
    /// The lowest hourly volume of each local night in <paramref name="inflow"/> (hours starting from
    /// <paramref name="nightStartHour"/> to before <paramref name="nightEndHour"/>), keyed by the night's local date;
    /// a night with any hour missing is left out.
    /// </summary>
    public static IReadOnlyList<(DateOnly Night, decimal LowestM3)> NightMinima(
        MeterSeries inflow, TimeZoneInfo zone, int nightStartHour = 0, int nightEndHour = 6)
    {
        ArgumentNullException.ThrowIfNull(inflow);
        ArgumentNullException.ThrowIfNull(zone);
        var nights = new List<(DateOnly, decimal)>();
        var length = nightEndHour - nightStartHour;
        for (var i = 0; i + length <= inflow.Count; i++)
        {
            var local = TimeZoneInfo.ConvertTime(inflow[i].Start, zone);
            if (local.Hour != nightStartHour)
            {
                continue;
            }

            decimal? lowest = null;
            for (var k = i; k < i + length; k++)
            {
                if (inflow[k].VolumeM3 is not { } v)
                {
                    lowest = null;
                    break;
                }

                lowest = lowest is { } l ? Math.Min(l, v) : v;
            }

            if (lowest is { } found)
            {
                nights.Add((DateOnly.FromDateTime(local.DateTime), found));
            }
        }

        return nights;
    }

    /// <summary>The rolling <paramref name="percentile"/> over each window of <paramref name="days"/> nights ending at each night.</summary>
    public static IReadOnlyList<(DateOnly Night, decimal MinimumNightFlowM3)> Rolling(
        IReadOnlyList<(DateOnly Night, decimal LowestM3)> nights, int days = 7, decimal percentile = 20m)
    {
        ArgumentNullException.ThrowIfNull(nights);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var result = new List<(DateOnly, decimal)>();
        foreach (var (night, _) in nights)
        {
            var window = nights.Where(n => n.Night > night.AddDays(-days) && n.Night <= night).Select(n => n.LowestM3).ToList();
            result.Add((night, NearestRank(window, percentile)));
        }

        return result;
    }

    /// <summary>The nearest-rank percentile of <paramref name="values"/>.</summary>
    public static decimal NearestRank(IReadOnlyList<decimal> values, decimal percentile)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0 || percentile is <= 0 or > 100)
        {
            throw new ArgumentException("A percentile needs values and p in (0, 100].", nameof(values));
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100m * sorted.Length);
        return sorted[rank - 1];
    }
}
