namespace Edge.Ingest.Analytics.Watch;

/// <summary>One welfare finding with the hours behind it.</summary>
/// <param name="HouseholdId">The welfare office's household id (never a meter id, name or address).</param>
/// <param name="Kind">What was found.</param>
/// <param name="At">When it holds (e.g. the end of the morning's first use, or the deadline).</param>
/// <param name="Evidence">The hours behind it.</param>
/// <param name="Detail">One sentence for the welfare office.</param>
/// <param name="Held">For <see cref="WelfareFindingKind.Suppressed"/>: the alert that was held back.</param>
public sealed record WelfareFinding(
    string HouseholdId, WelfareFindingKind Kind, DateTimeOffset At, HourWindow Evidence, string Detail, WelfareFindingKind? Held = null);
