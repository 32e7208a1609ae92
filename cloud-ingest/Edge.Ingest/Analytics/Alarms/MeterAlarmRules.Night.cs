namespace Edge.Ingest.Analytics.Alarms;

public static partial class MeterAlarmRules
{
    /// <summary>
    /// Night flow (issue 8): the smallest hourly volume of a local night (hours starting from
    /// <see cref="MeterAlarmOptions.NightStartHour"/> to before <see cref="MeterAlarmOptions.NightEndHour"/>) above
    /// <see cref="MeterAlarmOptions.NightFlowThresholdM3PerHour"/>. A night is judged only when all its hours are
    /// evidence; <see cref="MeterAlarmOptions.NightFlowClearNights"/> clean nights in a row clear it.
    /// </summary>
    public static IReadOnlyList<AlarmEpisode> NightFlow(MeterSeries series, MeterAlarmOptions options, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(zone);
        var nightHours = options.NightEndHour - options.NightStartHour;
        var threshold = options.NightFlowThresholdM3PerHour;
        var tracker = new EpisodeTracker(series.MeterId, AlarmKind.NightFlow, options.NightFlowClearNights);
        for (var i = 0; i + nightHours <= series.Count; i++)
        {
            if (TimeZoneInfo.ConvertTime(series[i].Start, zone).Hour != options.NightStartHour)
            {
                continue;
            }

            var last = i + nightHours - 1;
            var minimum = decimal.MaxValue;
            var judged = true;
            for (var k = i; k <= last && judged; k++)
            {
                judged = series[k].IsEvidence;
                minimum = judged ? Math.Min(minimum, series[k].VolumeM3!.Value) : minimum;
            }

            if (!judged)
            {
                continue;
            }

            if (minimum > threshold)
            {
                tracker.Raise(series[i].Start, Window(series, i, last),
                    AnalyticsText.Of($"Night minimum {AnalyticsText.Litres(minimum)}/h above {AnalyticsText.Litres(threshold)}/h."), minimum);
            }
            else
            {
                tracker.Clearing(Window(series, i, last));
            }
        }

        return tracker.Finish();
    }
}
