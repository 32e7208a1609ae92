using Edge.Ingest.Analytics;
using Edge.Ingest.Normalisation;

namespace Edge.Ingest.Tests.Analytics;

/// <summary>Builds hourly series for the rule tests: volumes in litres, hours from a local (JST) start.</summary>
internal static class Series
{
    public static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    /// <summary>Local midnight of 2026-06-01 (a Monday), 2026-05-31T15:00Z.</summary>
    public static readonly DateTimeOffset Day1 = new(2026, 6, 1, 0, 0, 0, Jst);

    public static DateTimeOffset Local(int day, int hour) => Day1.AddDays(day - 1).AddHours(hour);

    /// <summary>Good hours of <paramref name="litres"/> from <paramref name="from"/>; null entries are gaps (missing hours).</summary>
    public static MeterSeries Litres(DateTimeOffset from, params decimal?[] litres) => Of("wm-1", "13101", from, litres);

    public static MeterSeries Of(string meter, string area, DateTimeOffset from, params decimal?[] litres) =>
        MeterSeries.Create(meter, area, 0.001m, 2.5m, from, from.AddHours(litres.Length),
            litres.Select((l, i) => (l, i)).Where(x => x.l is not null)
                .Select(x => new MeterHour(from.AddHours(x.i), x.l / 1000m, ReadingQuality.Good, 0)));

    /// <summary>Replaces hour <paramref name="index"/> of a series built by <see cref="Litres"/>.</summary>
    public static MeterSeries With(MeterSeries series, int index, MeterHour hour)
    {
        var hours = new List<MeterHour>();
        for (var i = 0; i < series.Count; i++)
        {
            if (i == index)
            {
                hours.Add(hour with { Start = series[i].Start });
            }
            else if (series[i].Reported)
            {
                hours.Add(series[i]);
            }
        }

        return MeterSeries.Create(series.MeterId, series.AreaId, series.ResolutionM3, series.Q3M3PerHour, series.From, series.To, hours);
    }

    public static decimal?[] Repeat(decimal? litres, int count) => [.. Enumerable.Repeat(litres, count)];

    public static decimal?[] Concat(params decimal?[][] parts) => [.. parts.SelectMany(p => p)];
}
