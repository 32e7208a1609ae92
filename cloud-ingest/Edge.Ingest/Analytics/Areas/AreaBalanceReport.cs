namespace Edge.Ingest.Analytics.Areas;

/// <summary>
/// A district metered area's water balance over a period and its minimum night flow (issue 8; API.md "DMA water
/// balance"). Aggregates only: no customer meter or household appears.
/// </summary>
/// <param name="AreaId">The area.</param>
/// <param name="Name">Its name from the area catalogue.</param>
/// <param name="From">Start of the period (inclusive, a whole UTC hour).</param>
/// <param name="To">End of the period (exclusive).</param>
/// <param name="Inflow">What the district inflow meter passed.</param>
/// <param name="Billed">What the customer meters passed.</param>
/// <param name="NonRevenueM3">Inflow − billed (losses and unbilled use), m³; null when the inflow is unknown.</param>
/// <param name="NonRevenueShare">
/// <paramref name="NonRevenueM3"/> as a share of the inflow (the IWA "system input volume"), 4 decimals; null when the
/// inflow is unknown or not above zero.
/// </param>
/// <param name="Complete">Whether every hour of the inflow and of every customer meter is present: only then is the figure exact.</param>
/// <param name="Problems">One sentence per reason the figure cannot be fully trusted; empty when complete.</param>
/// <param name="MinimumNightFlow">One point per local night that lies within the period, oldest first.</param>
public sealed record AreaBalanceReport(
    string AreaId,
    string Name,
    DateTimeOffset From,
    DateTimeOffset To,
    BalanceInflow Inflow,
    BalanceBilled Billed,
    decimal? NonRevenueM3,
    decimal? NonRevenueShare,
    bool Complete,
    IReadOnlyList<string> Problems,
    IReadOnlyList<NightFlowPoint> MinimumNightFlow);
