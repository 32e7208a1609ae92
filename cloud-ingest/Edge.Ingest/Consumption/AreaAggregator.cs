using Edge.Ingest.Normalisation;
using Edge.Ingest.Registry;

namespace Edge.Ingest.Consumption;

/// <summary>Sums meter intervals of one period over an area.</summary>
public static class AreaAggregator
{
    /// <summary>
    /// Sums the intervals of <paramref name="meterIds"/> (the meters registered in <paramref name="area"/>) for the
    /// period [<paramref name="start"/>, <paramref name="end"/>). A meter without an interval or with a gap counts as missing.
    /// </summary>
    /// <exception cref="ArgumentException">An interval is for another period.</exception>
    public static AreaConsumption Sum(
        AreaCode area,
        DateTimeOffset start,
        DateTimeOffset end,
        IReadOnlyCollection<string> meterIds,
        IReadOnlyDictionary<string, ConsumptionInterval> intervals)
    {
        ArgumentNullException.ThrowIfNull(meterIds);
        ArgumentNullException.ThrowIfNull(intervals);
        var volume = 0m;
        var contributing = 0;
        var suspect = 0;
        foreach (var id in meterIds.Distinct(StringComparer.Ordinal))
        {
            if (!intervals.TryGetValue(id, out var interval) || interval.VolumeM3 is not { } v)
            {
                continue;
            }

            if (interval.Start != start || interval.End != end)
            {
                throw new ArgumentException($"The interval of meter '{id}' is not for the requested period.", nameof(intervals));
            }

            volume += v;
            contributing++;
            suspect += interval.Quality.Quality == ReadingQuality.Suspect ? 1 : 0;
        }

        var total = meterIds.Distinct(StringComparer.Ordinal).Count();
        return new AreaConsumption(area, start, end, volume, contributing, total - contributing, suspect);
    }
}
