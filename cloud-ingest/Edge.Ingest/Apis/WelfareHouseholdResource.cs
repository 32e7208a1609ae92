namespace Edge.Ingest.Apis;

/// <summary>An enrolled household's welfare settings as <c>GET /v1/welfare/households/{householdId}</c> shows them.</summary>
/// <param name="HouseholdId">The welfare office's household id.</param>
/// <param name="GenkiDeadline">The morning deadline in force, local time <c>HH:mm</c>.</param>
/// <param name="GenkiDeadlineIsDefault">True when the household has no deadline of its own.</param>
/// <param name="NoUseAlertAfterHours">The no-use deadline from the enrolment (8-24 h).</param>
/// <param name="SnoozedUntil">End of the snooze in force now; null when not snoozed.</param>
/// <param name="Snoozes">Every snooze, oldest first.</param>
/// <param name="AwayMode">Whether away mode is on.</param>
/// <param name="AwayModeSince">When away mode was switched on; null when off.</param>
/// <param name="AwayPeriods">Finished spans of away mode, oldest first.</param>
/// <param name="UpdatedAt">When the welfare office last changed the settings; null if never.</param>
public sealed record WelfareHouseholdResource(
    string HouseholdId,
    string GenkiDeadline,
    bool GenkiDeadlineIsDefault,
    double NoUseAlertAfterHours,
    DateTimeOffset? SnoozedUntil,
    IReadOnlyList<WelfarePeriodResource> Snoozes,
    bool AwayMode,
    DateTimeOffset? AwayModeSince,
    IReadOnlyList<WelfarePeriodResource> AwayPeriods,
    DateTimeOffset? UpdatedAt);
