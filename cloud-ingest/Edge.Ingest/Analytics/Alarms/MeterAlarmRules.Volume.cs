namespace Edge.Ingest.Analytics.Alarms;

public static partial class MeterAlarmRules
{
    /// <summary>
    /// Continuous leak (issue 8): every one of the trailing <see cref="MeterAlarmOptions.LeakHours"/> hours at or above
    /// the meter's resolution; the leak rate is the smallest of them. Cleared by
    /// <see cref="MeterAlarmOptions.LeakClearZeroHours"/> full zero hours.
    /// </summary>
    public static IReadOnlyList<AlarmEpisode> ContinuousLeak(MeterSeries series, MeterAlarmOptions options)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        var tracker = new EpisodeTracker(series.MeterId, AlarmKind.ContinuousLeak, options.LeakClearZeroHours);
        var run = 0;
        for (var i = 0; i < series.Count; i++)
        {
            var hour = series[i];
            if (!hour.IsEvidence)
            {
                run = 0;
                continue;
            }

            if (hour.VolumeM3 < series.ResolutionM3)
            {
                run = 0;
                tracker.Clearing(Window(series, i, i));
                continue;
            }

            run++;
            if (run >= options.LeakHours)
            {
                var first = i - options.LeakHours + 1;
                var rate = decimal.MaxValue;
                for (var k = first; k <= i; k++)
                {
                    rate = Math.Min(rate, series[k].VolumeM3!.Value);
                }

                tracker.Raise(series[i - run + 1].Start, Window(series, first, i),
                    AnalyticsText.Of($"No zero hour in {options.LeakHours} h; leak rate {AnalyticsText.Litres(rate)}/h."), rate);
            }
            else
            {
                tracker.Hold(hour.End);
            }
        }

        return tracker.Finish();
    }

    /// <summary>Burst (issue 8): an hourly volume at or above the burst limit (default the meter's Q3 × 1 h).</summary>
    public static IReadOnlyList<AlarmEpisode> Burst(MeterSeries series, MeterAlarmOptions options)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        var limit = options.BurstLimitM3PerHour ?? series.Q3M3PerHour;
        var tracker = new EpisodeTracker(series.MeterId, AlarmKind.Burst, 1);
        for (var i = 0; i < series.Count; i++)
        {
            var hour = series[i];
            if (!hour.IsEvidence)
            {
                continue;
            }

            var volume = hour.VolumeM3!.Value;
            if (volume >= limit)
            {
                tracker.Raise(hour.Start, Window(series, i, i),
                    AnalyticsText.Of($"{volume} m³ in one hour, at or above the burst limit of {limit} m³/h."), volume);
            }
            else
            {
                tracker.Clearing(Window(series, i, i));
            }
        }

        return tracker.Finish();
    }

    /// <summary>
    /// Stuck meter (issue 8): <see cref="MeterAlarmOptions.StuckDays"/> days of evidence hours all below the
    /// resolution; the first hour with consumption clears it. Judge only accounts marked occupied.
    /// </summary>
    public static IReadOnlyList<AlarmEpisode> StuckMeter(MeterSeries series, MeterAlarmOptions options)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        var hours = options.StuckDays * 24;
        var tracker = new EpisodeTracker(series.MeterId, AlarmKind.StuckMeter, 1);
        var run = 0;
        for (var i = 0; i < series.Count; i++)
        {
            var hour = series[i];
            if (!hour.IsEvidence)
            {
                run = 0;
                continue;
            }

            if (hour.VolumeM3 >= series.ResolutionM3)
            {
                run = 0;
                tracker.Clearing(Window(series, i, i));
                continue;
            }

            run++;
            if (run >= hours)
            {
                tracker.Raise(series[i - run + 1].Start, Window(series, i - hours + 1, i),
                    AnalyticsText.Of($"No consumption for {options.StuckDays} days on an occupied account."), null);
            }
        }

        return tracker.Finish();
    }
}
