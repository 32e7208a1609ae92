namespace Edge.Gateway.Links.Routing;

/// <summary>One link's state for health pages, metrics and reports.</summary>
/// <param name="Name">Link name.</param>
/// <param name="State">Health with hysteresis.</param>
/// <param name="ConsecutiveFailures">Failed sends and probes in a row.</param>
/// <param name="Exhausted">A budget's normal part is spent: only the kept classes go.</param>
/// <param name="Usage">Wire bytes today, this month and ever.</param>
/// <param name="DailyBytesLeft">Budget left today, or null without a daily limit.</param>
/// <param name="MonthlyBytesLeft">Budget left this month, or null without a monthly limit.</param>
/// <param name="CostThisMonth">Month's bytes × cost per byte.</param>
public sealed record LinkStatus(
    string Name, LaneState State, int ConsecutiveFailures, bool Exhausted, LinkUsage Usage, long? DailyBytesLeft, long? MonthlyBytesLeft, double CostThisMonth);
