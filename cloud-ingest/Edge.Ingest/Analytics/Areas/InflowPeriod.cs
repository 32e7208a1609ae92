namespace Edge.Ingest.Analytics.Areas;

/// <summary>What a DMA's district inflow meter measured, as <see cref="AreaBalanceCalculator"/> needs it.</summary>
/// <param name="MeterId">The inflow meter.</param>
/// <param name="ForwardM3">Forward totaliser over the period (register at its end minus at its start); null when unknown.</param>
/// <param name="ReverseM3">Reverse totaliser over the period; null when unknown or when the meter has none.</param>
/// <param name="HasReverse">Whether the meter has a reverse totaliser (a district flow meter's <c>volume-reverse</c> channel).</param>
/// <param name="Hourly">
/// Net inflow per hour (forward − reverse) from <see cref="AreaBalanceCalculator.NightWindowDays"/> − 1 days before the
/// period to its end, so that the first night of the period has a full window of nights behind it.
/// </param>
public sealed record InflowPeriod(string MeterId, decimal? ForwardM3, decimal? ReverseM3, bool HasReverse, MeterSeries Hourly);
