namespace Edge.Ingest.Registry;

/// <summary>
/// A daily span of local time, e.g. sleep from 22:00 to 06:00. <see cref="Start"/> is inclusive and <see cref="End"/>
/// exclusive; a window whose end is not after its start crosses midnight.
/// </summary>
/// <param name="Start">Local start time.</param>
/// <param name="End">Local end time.</param>
public sealed record DailyWindow(TimeOnly Start, TimeOnly End)
{
    /// <summary>Whether local time-of-day <paramref name="time"/> is inside the window.</summary>
    public bool Contains(TimeOnly time) =>
        Start < End ? time >= Start && time < End : time >= Start || time < End;
}
