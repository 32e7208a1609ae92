namespace Edge.Ingest.Model;

/// <summary>One consumption interval of a meter.</summary>
/// <param name="Start">Start (UTC), inclusive.</param>
/// <param name="End">End (UTC), exclusive.</param>
/// <param name="VolumeM3">Volume in m³; null when the interval is missing (never invented).</param>
/// <param name="StartRegisterM3">The register reading taken for the start, if one was near enough.</param>
/// <param name="EndRegisterM3">The register reading taken for the end, if one was near enough.</param>
/// <param name="Quality"><c>good</c>, <c>estimated</c>, <c>suspect</c>, or <c>missing</c> for a gap.</param>
/// <param name="QualityReason">Why the interval is not good, or why it is missing.</param>
public sealed record ConsumptionPeriod(
    DateTimeOffset Start,
    DateTimeOffset End,
    decimal? VolumeM3,
    decimal? StartRegisterM3,
    decimal? EndRegisterM3,
    string Quality,
    string? QualityReason);
