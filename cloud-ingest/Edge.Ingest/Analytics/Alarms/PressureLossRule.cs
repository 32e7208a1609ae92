namespace Edge.Ingest.Analytics.Alarms;

/// <summary>
/// Backflow at <see cref="MeterAlarmOptions.PressureLossMeters"/> or more meters of one area in the same hour means a
/// suspected pressure loss in the main (issue 8): water is drawn back from the houses.
/// </summary>
public static class PressureLossRule
{
    /// <summary>One event per area and hour with enough backflowing meters, ordered by hour then area.</summary>
    public static IReadOnlyList<AreaEvent> Evaluate(IEnumerable<MeterSeries> meters, MeterAlarmOptions options)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(options);
        var counts = new Dictionary<(string Area, DateTimeOffset Hour), int>();
        foreach (var series in meters)
        {
            for (var i = 0; i < series.Count; i++)
            {
                if (MeterAlarmRules.IsBackflow(series[i]))
                {
                    var key = (series.AreaId, series[i].Start);
                    counts[key] = counts.GetValueOrDefault(key) + 1;
                }
            }
        }

        return [.. counts
            .Where(c => c.Value >= options.PressureLossMeters)
            .OrderBy(c => c.Key.Hour).ThenBy(c => c.Key.Area, StringComparer.Ordinal)
            .Select(c => new AreaEvent(c.Key.Area, c.Key.Hour, AreaEvent.SuspectedPressureLoss, c.Value,
                AnalyticsText.Of($"Backflow at {c.Value} meters in the same hour: suspected pressure loss in the main.")))];
    }
}
