namespace Edge.Ingest.Registry;

/// <summary>
/// A household's enrolment in welfare watch (福祉 見守り): alert when the household uses no water for longer than
/// <see cref="NoUseAlertAfter"/>, except while asleep or away. Only enrolled households are ever visible to the
/// welfare role (DESIGN.md "Ingest promises" 5).
/// </summary>
/// <param name="Enrolled">Whether the household consented and is watched now.</param>
/// <param name="HouseholdId">The welfare office's id of the household (never a name or address).</param>
/// <param name="NoUseAlertAfter">How long without water use raises an alert (the deadline).</param>
/// <param name="SleepWindows">Daily local-time windows when no use is expected.</param>
/// <param name="AwayPeriods">Announced absences.</param>
public sealed record WelfareEnrolment(
    bool Enrolled,
    string HouseholdId,
    TimeSpan NoUseAlertAfter,
    IReadOnlyList<DailyWindow> SleepWindows,
    IReadOnlyList<AwayPeriod> AwayPeriods)
{
    /// <summary>Whether watch is paused at <paramref name="at"/> (asleep in <paramref name="zone"/> local time, or away).</summary>
    public bool IsPausedAt(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        return SleepWindows.Any(w => w.Contains(local)) || AwayPeriods.Any(p => p.Contains(at));
    }
}
