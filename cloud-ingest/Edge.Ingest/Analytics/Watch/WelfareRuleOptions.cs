namespace Edge.Ingest.Analytics.Watch;

/// <summary>Thresholds of the welfare watch rules (<c>Edge:Ingest:Analytics:Welfare</c>); defaults from issue 8.</summary>
public sealed class WelfareRuleOptions
{
    /// <summary>Shortest no-use deadline a household may have (issue 8: 8 h).</summary>
    public static readonly TimeSpan MinNoUseAlertAfter = TimeSpan.FromHours(8);

    /// <summary>Longest no-use deadline a household may have (issue 8: 24 h).</summary>
    public static readonly TimeSpan MaxNoUseAlertAfter = TimeSpan.FromHours(24);

    /// <summary>The first use of the morning must reach this volume in one hour (issue 8: 5 l).</summary>
    public decimal GenkiMinimumM3 { get; set; } = 0.005m;

    /// <summary>Local hour from which a use counts as the morning's first (issue 8: 04:00).</summary>
    public int GenkiFromHour { get; set; } = 4;

    /// <summary>Local time by which the morning's use is expected unless the household has its own (issue 8: 10:00).</summary>
    public TimeOnly GenkiDeadline { get; set; } = new(10, 0);

    /// <summary>An hour below this volume is "no use" (issue 8: 1 l/h).</summary>
    public decimal UseThresholdM3PerHour { get; set; } = 0.001m;

    /// <summary>No use for this long (sleep and away not counted) alerts, unless the household has its own (issue 8: 12 h).</summary>
    public TimeSpan NoUseAlertAfter { get; set; } = TimeSpan.FromHours(12);

    /// <summary>No use for this long escalates (issue 8: 24 h).</summary>
    public TimeSpan NoUseEscalateAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// An hour at or above this volume counts towards continuous use. Issue 8 names no value; 100 l/h is above a
    /// household's ordinary hourly peak outside a bath and below a tap left open (about 6 l/min = 360 l/h).
    /// </summary>
    public decimal ContinuousUseM3PerHour { get; set; } = 0.1m;

    /// <summary>Consecutive hours of continuous use that alert (issue 8: 2 h).</summary>
    public int ContinuousUseHours { get; set; } = 2;
}
