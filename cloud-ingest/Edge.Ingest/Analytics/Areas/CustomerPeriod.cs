namespace Edge.Ingest.Analytics.Areas;

/// <summary>One customer meter of a DMA over a balance period (no id: the balance is an aggregate).</summary>
/// <param name="HoursPresent">Hours of the period with a volume.</param>
/// <param name="VolumeM3">The meter's volume over the period (register at its end minus at its start); null when unknown.</param>
public sealed record CustomerPeriod(int HoursPresent, decimal? VolumeM3);
