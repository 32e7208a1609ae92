namespace Edge.Ingest.Storage;

/// <summary>The welfare office's settings of one household as stored.</summary>
/// <param name="HouseholdId">The welfare office's household id.</param>
/// <param name="GenkiDeadlineMinutes">The household's own morning deadline, minutes after local midnight; null for the default.</param>
/// <param name="DeadlineChangedUnixMs">When the deadline was last changed; null if never.</param>
/// <param name="AwayModeSinceUnixMs">Away mode on since then, with no end yet; null when off.</param>
/// <param name="Snoozes">Snoozes, each [from, to).</param>
/// <param name="AwayPeriods">Finished spans of away mode, each [from, to).</param>
/// <param name="UpdatedUnixMs">When the settings last changed.</param>
public sealed record StoredWelfareHousehold(
    string HouseholdId,
    int? GenkiDeadlineMinutes,
    long? DeadlineChangedUnixMs,
    long? AwayModeSinceUnixMs,
    IReadOnlyList<StoredWelfarePeriod> Snoozes,
    IReadOnlyList<StoredWelfarePeriod> AwayPeriods,
    long UpdatedUnixMs);
