namespace Edge.Ingest.Analytics.Recompute;

/// <summary>How alarms are recomputed (<c>Edge:Ingest:Analytics:Recompute</c>).</summary>
public sealed class AlarmRecomputeOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Edge:Ingest:Analytics:Recompute";

    /// <summary>
    /// How often alarms that need no new data are judged (no communication: late, lost) and whether a new local month
    /// needs the consumption-jump rule. Default 15 minutes.
    /// </summary>
    public TimeSpan TimerPeriod { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Distinct meters that may wait for recomputation. Beyond that the ingest never waits: the queue remembers only the
    /// earliest hour touched, and every meter is recomputed from there.
    /// </summary>
    public int MaxPendingMeters { get; set; } = 100_000;
}
