namespace Edge.Ingest.Analytics.Areas;

/// <summary>One hour of an area: each meter's volume, or null for a meter that sent nothing for the hour (silent).</summary>
/// <param name="Start">Start of the hour (a whole UTC hour).</param>
/// <param name="VolumesM3">Volumes indexed like <see cref="AreaMeters.MeterIds"/>.</param>
public sealed record AreaHour(DateTimeOffset Start, IReadOnlyList<decimal?> VolumesM3);
