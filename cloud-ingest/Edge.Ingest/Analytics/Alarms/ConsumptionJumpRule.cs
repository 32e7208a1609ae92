using Edge.Ingest.Consumption;

namespace Edge.Ingest.Analytics.Alarms;

/// <summary>
/// Consumption jump (issue 8): a month's volume above the previous month's or the same month last year's by more
/// than <see cref="MeterAlarmOptions.JumpRatio"/>. A reference of zero or unknown is not compared. The next month that
/// jumps over neither reference clears it.
/// </summary>
public static class ConsumptionJumpRule
{
    /// <summary>The jumps of <paramref name="months"/> (in any order; one value per month).</summary>
    public static IReadOnlyList<AlarmEpisode> Evaluate(
        string meterId, IReadOnlyList<MonthlyVolume> months, MeterAlarmOptions options, TimeZoneInfo zone)
    {
        ArgumentException.ThrowIfNullOrEmpty(meterId);
        ArgumentNullException.ThrowIfNull(months);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(zone);
        var byMonth = new Dictionary<int, MonthlyVolume>();
        foreach (var month in months)
        {
            if (!byMonth.TryAdd(Index(month.Month), month))
            {
                throw new ArgumentException($"Meter '{meterId}': the month {month.Month:yyyy-MM} is given twice.", nameof(months));
            }
        }

        var tracker = new EpisodeTracker(meterId, AlarmKind.ConsumptionJump, 1);
        foreach (var index in byMonth.Keys.Order())
        {
            var month = byMonth[index];
            if (!month.IsEvidence)
            {
                continue;
            }

            var first = new DateOnly(month.Month.Year, month.Month.Month, 1);
            var window = new HourWindow(
                ConsumptionBoundaries.LocalMidnight(first, zone), ConsumptionBoundaries.LocalMidnight(first.AddMonths(1), zone));
            var volume = month.VolumeM3!.Value;
            var jump = Jump(volume, byMonth, index - 1, options.JumpRatio, "the previous month")
                ?? Jump(volume, byMonth, index - 12, options.JumpRatio, "the same month last year");
            if (jump is { } text)
            {
                tracker.Raise(window.From, window, text, volume);
            }
            else
            {
                tracker.Clearing(window);
            }
        }

        return tracker.Finish();
    }

    private static string? Jump(decimal volume, Dictionary<int, MonthlyVolume> byMonth, int reference, decimal ratio, string name)
    {
        if (!byMonth.TryGetValue(reference, out var other) || !other.IsEvidence || other.VolumeM3 <= 0)
        {
            return null;
        }

        var before = other.VolumeM3!.Value;
        return volume > before * (1 + ratio)
            ? AnalyticsText.Of($"{volume} m³ this month, {(volume / before - 1) * 100:0.#} % above {name} ({before} m³).")
            : null;
    }

    private static int Index(DateOnly month) => (month.Year * 12) + month.Month - 1;
}
