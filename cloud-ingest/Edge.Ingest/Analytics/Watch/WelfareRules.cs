using Edge.Ingest.Analytics.Alarms;

namespace Edge.Ingest.Analytics.Watch;

/// <summary>
/// Welfare watch rules (見守り, issue 8) over an enrolled household's hourly series: the morning "genki" event and its
/// missing-by-deadline alert, no use (sleep and away time not counted, escalated at 24 h) and continuous use.
/// Silence is never "no use": only evidence hours count, and alerts are held back while the meter is late or lost,
/// while the household is away, or snoozed. Pure: the moment judged is given, not read from a clock.
/// </summary>
public static partial class WelfareRules
{
    /// <summary>Every finding up to <paramref name="asOf"/>, in time order.</summary>
    /// <param name="household">The household; not enrolled gives nothing.</param>
    /// <param name="series">Its meter's hours.</param>
    /// <param name="communication">The meter's upload status at <paramref name="asOf"/>.</param>
    /// <param name="asOf">The moment judged.</param>
    /// <param name="options">Thresholds.</param>
    /// <param name="zone">Local time zone.</param>
    public static IReadOnlyList<WelfareFinding> Evaluate(
        WatchedHousehold household, MeterSeries series, CommunicationStatus communication, DateTimeOffset asOf,
        WelfareRuleOptions options, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(zone);
        if (!household.Enrolment.Enrolled)
        {
            return [];
        }

        var findings = new List<WelfareFinding>();
        findings.AddRange(Mornings(household, series, communication, asOf, options, zone));
        findings.AddRange(NoUse(household, series, communication, asOf, options, zone));
        findings.AddRange(ContinuousUse(household, series, asOf, options));
        return [.. findings.OrderBy(f => f.At).ThenBy(f => f.Kind)];
    }

    /// <summary>The household's no-use deadline, kept within 8-24 h (issue 8).</summary>
    public static TimeSpan NoUseDeadline(WatchedHousehold household)
    {
        ArgumentNullException.ThrowIfNull(household);
        var own = household.Enrolment.NoUseAlertAfter;
        return own < WelfareRuleOptions.MinNoUseAlertAfter ? WelfareRuleOptions.MinNoUseAlertAfter
            : own > WelfareRuleOptions.MaxNoUseAlertAfter ? WelfareRuleOptions.MaxNoUseAlertAfter
            : own;
    }

    // An alert, or the reason it is held back.
    private static WelfareFinding Alert(
        WatchedHousehold household, WelfareFindingKind kind, DateTimeOffset at, HourWindow evidence, string detail, CommunicationStatus communication)
    {
        var id = household.Enrolment.HouseholdId;
        string? held = communication is CommunicationStatus.Late or CommunicationStatus.Lost or CommunicationStatus.Never
            ? communication switch
            {
                CommunicationStatus.Late => "Held back: the meter is late (silence is not no use).",
                CommunicationStatus.Lost => "Held back: the meter is lost (silence is not no use).",
                _ => "Held back: the meter has never uploaded.",
            }
            : household.IsAwayAt(at) ? "Held back: the household is away."
            : household.IsSnoozedAt(at) ? "Held back: snoozed by the welfare office."
            : null;
        return held is null
            ? new WelfareFinding(id, kind, at, evidence, detail)
            : new WelfareFinding(id, WelfareFindingKind.Suppressed, at, evidence, held + " " + detail, kind);
    }
}
