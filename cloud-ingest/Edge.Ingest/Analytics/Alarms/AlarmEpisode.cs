namespace Edge.Ingest.Analytics.Alarms;

/// <summary>
/// One stretch of an alarm condition as a rule finds it in a series. Rules are pure: the same series gives the same
/// episodes, which is what makes recomputation over a backfilled window idempotent (<see cref="AlarmBook"/>).
/// </summary>
/// <param name="SubjectId">The meter (or household, area) the alarm is about.</param>
/// <param name="Kind">The alarm.</param>
/// <param name="Start">Start of the first hour of the condition: the alarm's key with the subject and kind.</param>
/// <param name="RaiseEvidence">The hours that made the condition true.</param>
/// <param name="ConfirmedUntil">End of the latest hour that still showed the condition.</param>
/// <param name="ClearEvidence">The hours that cleared it; null while it holds.</param>
/// <param name="Detail">One sentence for the operator, with the figure that matters (e.g. the leak rate).</param>
/// <param name="ValueM3">The figure in m³ (leak rate per hour, burst volume, ...), when there is one.</param>
/// <param name="Latching">Whether only an operator may clear it (tamper).</param>
public sealed record AlarmEpisode(
    string SubjectId,
    AlarmKind Kind,
    DateTimeOffset Start,
    HourWindow RaiseEvidence,
    DateTimeOffset ConfirmedUntil,
    HourWindow? ClearEvidence,
    string Detail,
    decimal? ValueM3 = null,
    bool Latching = false)
{
    /// <summary>When the condition stopped (the end of the clearing hours), or null while it holds.</summary>
    public DateTimeOffset? ClearedAt => Latching ? null : ClearEvidence?.To;
}
