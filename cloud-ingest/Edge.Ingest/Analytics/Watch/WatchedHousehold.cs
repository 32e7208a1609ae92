using Edge.Ingest.Registry;

namespace Edge.Ingest.Analytics.Watch;

/// <summary>An enrolled household as the welfare rules see it.</summary>
/// <param name="Enrolment">The registry's enrolment (deadline, sleep windows, away periods).</param>
/// <param name="GenkiDeadline">The household's own morning deadline (local); null for the default.</param>
/// <param name="Snoozes">Spans in which the welfare office snoozed alerts.</param>
/// <param name="AwayModeSince">Away mode switched on at this time with no end yet; null when off.</param>
public sealed record WatchedHousehold(
    WelfareEnrolment Enrolment,
    TimeOnly? GenkiDeadline = null,
    IReadOnlyList<AwayPeriod>? Snoozes = null,
    DateTimeOffset? AwayModeSince = null)
{
    /// <summary>The enrolment with away mode added as an open away period.</summary>
    public WelfareEnrolment EffectiveEnrolment => AwayModeSince is { } since
        ? Enrolment with { AwayPeriods = [.. Enrolment.AwayPeriods, new AwayPeriod(since, DateTimeOffset.MaxValue)] }
        : Enrolment;

    /// <summary>Whether alerts at <paramref name="at"/> are snoozed.</summary>
    public bool IsSnoozedAt(DateTimeOffset at) => Snoozes?.Any(s => s.Contains(at)) == true;

    /// <summary>Whether the household is away at <paramref name="at"/> (an away period or away mode).</summary>
    public bool IsAwayAt(DateTimeOffset at) => EffectiveEnrolment.AwayPeriods.Any(p => p.Contains(at));
}
