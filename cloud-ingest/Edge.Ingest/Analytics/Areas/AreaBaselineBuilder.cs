namespace Edge.Ingest.Analytics.Areas;

/// <summary>
/// Builds an <see cref="AreaBaseline"/> from past hours: per local hour of the week, the median of the area volumes
/// (the sum over reporting meters) and, per meter, whether it used water in at least
/// <see cref="AreaStatusOptions.ActiveShare"/> of the weeks it reported in that slot.
/// </summary>
public static class AreaBaselineBuilder
{
    /// <summary>The baseline of <paramref name="meters"/> from <paramref name="history"/> (ordinarily the last four or more weeks).</summary>
    /// <exception cref="ArgumentException">An hour's volumes are not one per meter.</exception>
    public static AreaBaseline Build(AreaMeters meters, IEnumerable<AreaHour> history, AreaStatusOptions options, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(zone);
        var volumes = new List<decimal>?[HourOfWeek.Count];
        var used = new int[HourOfWeek.Count][];
        var reported = new int[HourOfWeek.Count][];
        foreach (var hour in history)
        {
            if (hour.VolumesM3.Count != meters.Count)
            {
                throw new ArgumentException($"The hour {hour.Start:O} has {hour.VolumesM3.Count} volumes for {meters.Count} meters.", nameof(history));
            }

            var slot = HourOfWeek.Of(hour.Start, zone);
            var usedSlot = used[slot] ??= new int[meters.Count];
            var reportedSlot = reported[slot] ??= new int[meters.Count];

            // One pass over the hour, walked as a span (no interface call per meter: this loop is most of a ward's
            // recompute); silent meters add nothing, so the sum is the area volume over the reporting meters.
            ReadOnlySpan<decimal?> hourVolumes = hour.VolumesM3 is decimal?[] array ? array : [.. hour.VolumesM3];
            var zero = options.ZeroBelowM3;
            var sum = 0m;
            for (var m = 0; m < hourVolumes.Length; m++)
            {
                if (hourVolumes[m] is { } v)
                {
                    sum += v;
                    reportedSlot[m]++;
                    usedSlot[m] += v >= zero ? 1 : 0;
                }
            }

            (volumes[slot] ??= []).Add(sum);
        }

        var baseline = new AreaBaseline(meters);
        for (var slot = 0; slot < HourOfWeek.Count; slot++)
        {
            if (volumes[slot] is not { } list)
            {
                continue;
            }

            var active = new bool[meters.Count];
            for (var m = 0; m < meters.Count; m++)
            {
                active[m] = reported[slot][m] > 0 && used[slot][m] >= options.ActiveShare * reported[slot][m];
            }

            baseline.Set(slot, Median(list), active);
        }

        return baseline;
    }

    /// <summary>The median: the middle value, or the mean of the two middle values of an even count.</summary>
    public static decimal Median(IReadOnlyList<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("The median of no values is undefined.", nameof(values));
        }

        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
