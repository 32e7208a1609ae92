using Edge.Ingest.Analytics.Alarms;
using Edge.Ingest.Consumption;

namespace Edge.Ingest.Analytics.Watch;

public static partial class WelfareRules
{
    /// <summary>
    /// Genki: per local day, the first evidence hour starting at or after <see cref="WelfareRuleOptions.GenkiFromHour"/>
    /// and before the deadline with at least <see cref="WelfareRuleOptions.GenkiMinimumM3"/> is a good-morning event;
    /// when every hour up to the deadline is known and none reached it, an alert at the deadline. Missing hours before
    /// the deadline hold the alert back (they may still arrive).
    /// </summary>
    public static IReadOnlyList<WelfareFinding> Mornings(
        WatchedHousehold household, MeterSeries series, CommunicationStatus communication, DateTimeOffset asOf,
        WelfareRuleOptions options, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        var findings = new List<WelfareFinding>();
        if (series.Count == 0)
        {
            return findings;
        }

        var id = household.Enrolment.HouseholdId;
        var deadlineTime = household.GenkiDeadline ?? options.GenkiDeadline;
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(series.From, zone).DateTime);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(series.To, zone).DateTime);
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            var midnight = ConsumptionBoundaries.LocalMidnight(day, zone);
            var from = midnight.AddHours(options.GenkiFromHour);
            var deadline = midnight + deadlineTime.ToTimeSpan();
            if (from < series.From || deadline > series.To)
            {
                continue;
            }

            var morning = new HourWindow(from, deadline);
            var first = FirstUse(series, morning, options.GenkiMinimumM3, out var allKnown);
            if (first is { } hour && hour.End <= asOf)
            {
                findings.Add(new WelfareFinding(id, WelfareFindingKind.GoodMorning, hour.End, new HourWindow(from, hour.End),
                    AnalyticsText.Of($"Good morning: {AnalyticsText.Litres(hour.VolumeM3!.Value)} used from {TimeZoneInfo.ConvertTime(hour.Start, zone):HH:mm}.")));
            }
            else if (first is null && deadline <= asOf)
            {
                var detail = AnalyticsText.Of($"No use of {AnalyticsText.Litres(options.GenkiMinimumM3)} or more since {options.GenkiFromHour:00}:00 by {deadlineTime:HH:mm}.");
                findings.Add(allKnown
                    ? Alert(household, WelfareFindingKind.NoMorningUse, deadline, morning, detail, communication)
                    : new WelfareFinding(id, WelfareFindingKind.Suppressed, deadline, morning,
                        "Held back: hours before the deadline have not arrived. " + detail, WelfareFindingKind.NoMorningUse));
            }
        }

        return findings;
    }

    private static MeterHour? FirstUse(MeterSeries series, HourWindow window, decimal minimum, out bool allKnown)
    {
        allKnown = true;
        for (var i = 0; i < series.Count; i++)
        {
            var hour = series[i];
            if (hour.Start < window.From || hour.Start >= window.To)
            {
                continue;
            }

            if (!hour.IsEvidence)
            {
                allKnown = false;
                continue;
            }

            if (hour.VolumeM3 >= minimum)
            {
                return hour;
            }
        }

        return null;
    }
}
