using Edge.Ingest.Analytics.Watch;
using Edge.Ingest.Registry;

namespace Edge.Ingest.Analytics.Welfare;

/// <summary>The welfare office's settings of one household (kept beside the registry's enrolment).</summary>
/// <param name="HouseholdId">The household.</param>
/// <param name="GenkiDeadline">Its own morning deadline (local); null for the default.</param>
/// <param name="DeadlineChangedAt">When the deadline was last changed (kept for the record; a morning already answered is never answered again).</param>
/// <param name="AwayModeSince">Away mode on since then; null when off.</param>
/// <param name="Snoozes">Every snooze, past ones kept so recomputing old hours gives the same answer.</param>
/// <param name="AwayPeriods">Finished spans of away mode, kept for the same reason.</param>
/// <param name="UpdatedAt">When the settings last changed; null when never set.</param>
public sealed record WelfareSettings(
    string HouseholdId,
    TimeOnly? GenkiDeadline,
    DateTimeOffset? DeadlineChangedAt,
    DateTimeOffset? AwayModeSince,
    IReadOnlyList<AwayPeriod> Snoozes,
    IReadOnlyList<AwayPeriod> AwayPeriods,
    DateTimeOffset? UpdatedAt)
{
    /// <summary>The settings of a household the welfare office never changed.</summary>
    public static WelfareSettings Default(string householdId) => new(householdId, null, null, null, [], [], null);

    /// <summary>The household as the rules see it: the registry's enrolment with these settings.</summary>
    public WatchedHousehold Watch(WelfareEnrolment enrolment)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        var withAway = AwayPeriods.Count == 0 ? enrolment : enrolment with { AwayPeriods = [.. enrolment.AwayPeriods, .. AwayPeriods] };
        return new WatchedHousehold(withAway, GenkiDeadline, Snoozes, AwayModeSince);
    }

    /// <summary>Whether a snooze holds at <paramref name="at"/>.</summary>
    public bool IsSnoozedAt(DateTimeOffset at) => Snoozes.Any(s => s.Contains(at));
}
