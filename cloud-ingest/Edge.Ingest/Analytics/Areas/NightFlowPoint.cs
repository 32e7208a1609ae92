namespace Edge.Ingest.Analytics.Areas;

/// <summary>One night of a DMA's minimum night flow series (<see cref="MinimumNightFlow"/>).</summary>
/// <param name="Night">The local (Tokyo) date whose 00:00-06:00 hours make the night.</param>
/// <param name="LowestM3">The night's lowest hourly net inflow, m³ (= m³/h); null when an hour of the night is missing.</param>
/// <param name="MinimumNightFlowM3">
/// The nearest-rank 20th percentile of the lowest hours of the measured nights among the last 7 (this one included);
/// null when none of them was measured.
/// </param>
/// <param name="NightsInWindow">Measured nights behind <paramref name="MinimumNightFlowM3"/> (7 when none is missing).</param>
public sealed record NightFlowPoint(DateOnly Night, decimal? LowestM3, decimal? MinimumNightFlowM3, int NightsInWindow);
