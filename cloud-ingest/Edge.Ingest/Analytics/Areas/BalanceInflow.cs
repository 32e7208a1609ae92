namespace Edge.Ingest.Analytics.Areas;

/// <summary>The inflow side of a DMA water balance.</summary>
/// <param name="MeterId">The district inflow meter (a network asset, not a household).</param>
/// <param name="VolumeM3">Net inflow over the period (forward − reverse), m³; null when a register at either end is missing.</param>
/// <param name="ForwardM3">Forward totaliser over the period, m³; null when unknown.</param>
/// <param name="ReverseM3">Reverse totaliser over the period, m³; null when unknown or when the meter has none.</param>
/// <param name="HoursPresent">Hours of the period with a net volume.</param>
/// <param name="HoursExpected">Hours of the period.</param>
public sealed record BalanceInflow(string MeterId, decimal? VolumeM3, decimal? ForwardM3, decimal? ReverseM3, int HoursPresent, int HoursExpected);
