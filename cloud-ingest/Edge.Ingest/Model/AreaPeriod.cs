namespace Edge.Ingest.Model;

/// <summary>One consumption interval of an area: the sum over the meters that have it.</summary>
/// <param name="Start">Start (UTC), inclusive.</param>
/// <param name="End">End (UTC), exclusive.</param>
/// <param name="VolumeM3">Sum of the contributing meters' volumes, m³.</param>
/// <param name="MetersContributing">Meters with a volume for the interval.</param>
/// <param name="MetersMissing">Meters with a gap: the sum is a lower bound while this is above 0.</param>
/// <param name="MetersSuspect">Contributing meters whose volume is suspect.</param>
public sealed record AreaPeriod(
    DateTimeOffset Start, DateTimeOffset End, decimal VolumeM3, int MetersContributing, int MetersMissing, int MetersSuspect);
