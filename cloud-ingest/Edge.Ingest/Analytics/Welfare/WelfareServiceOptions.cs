namespace Edge.Ingest.Analytics.Welfare;

/// <summary>How the welfare watch runs (<c>Edge:Ingest:Analytics:WelfareService</c>).</summary>
public sealed class WelfareServiceOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Edge:Ingest:Analytics:WelfareService";

    /// <summary>
    /// How often every enrolled household is judged with no new data (a morning deadline passing, a snooze ending, the
    /// meter going late). Default 5 minutes: a morning alert comes at most this long after its deadline.
    /// </summary>
    public TimeSpan TimerPeriod { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Hours judged before the earliest changed hour (and before now on the timer). Default 2 days: a no-use span up to
    /// the 24 h escalation with a night's sleep inside it, and yesterday's morning.
    /// </summary>
    public TimeSpan Lookback { get; set; } = TimeSpan.FromDays(2);
}
