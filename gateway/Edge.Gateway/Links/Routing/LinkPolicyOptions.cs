namespace Edge.Gateway.Links.Routing;

/// <summary>
/// What one link may carry and spend (<c>Edge:Gateway:Links:Ip:N:Policy</c>, <c>Edge:Gateway:Links:Iridium:Policy</c>).
/// Budgets count bytes on the link's wire as the link reports them (<see cref="LinkResult.WireBytes"/>); they are
/// kept in the store's <c>link_usage</c> table, so a restart does not reset them.
/// </summary>
public sealed class LinkPolicyOptions
{
    /// <summary>Classes the link carries, e.g. <c>"Alarm, Status, Gap"</c>.</summary>
    public TrafficClass Allow { get; set; } = TrafficClass.All;

    /// <summary>Classes it still carries once the normal part of a budget is spent (they use the reserve).</summary>
    public TrafficClass WhenExhausted { get; set; } = TrafficClass.Alarm | TrafficClass.Gap;

    /// <summary>Wire bytes per day (in <see cref="TimeZone"/>), never exceeded; 0 for no daily limit.</summary>
    public long DailyBytes { get; set; }

    /// <summary>Wire bytes per calendar month (in <see cref="TimeZone"/>), never exceeded; 0 for no monthly limit.</summary>
    public long MonthlyBytes { get; set; }

    /// <summary>
    /// Share of each budget kept for <see cref="WhenExhausted"/> classes: other classes stop at
    /// budget × (1 − share) ("exhausted"); the kept classes may use the whole budget.
    /// </summary>
    public double ReserveShare { get; set; } = 0.1;

    /// <summary>IANA time zone whose midnight and first of the month reset the budgets, e.g. <c>Asia/Tokyo</c>.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Largest encoded batch cut for this link; 0 takes the link's default (HTTP: Batch:MaxBytes; Iridium: one MO message).</summary>
    public int MaxMessageBytes { get; set; }

    /// <summary>Cost of one wire byte, in any currency: the cheapest healthy link carries everything but alarms.</summary>
    public double CostPerByte { get; set; }

    /// <summary>After a failure, how long the link must stay healthy before anything but alarms goes on it again.</summary>
    public TimeSpan Hysteresis { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Order for alarms (lower first); unset: IP links in the order listed, then Iridium.</summary>
    public int? Priority { get; set; }
}
