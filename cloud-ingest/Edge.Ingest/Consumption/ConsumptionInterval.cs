using Edge.Ingest.Normalisation;
using Edge.Ingest.Normalisation.Registers;

namespace Edge.Ingest.Consumption;

/// <summary>The water a meter passed between two boundaries (an hour, a local day, a local month).</summary>
/// <param name="Start">Start boundary, inclusive (UTC).</param>
/// <param name="End">End boundary, exclusive (UTC).</param>
/// <param name="StartRegister">The reading taken as the register at <paramref name="Start"/>, if one is near enough.</param>
/// <param name="EndRegister">The reading taken as the register at <paramref name="End"/>, if one is near enough.</param>
/// <param name="VolumeM3">Signed volume in m³; null for a gap (an end unknown, or a replacement in between).</param>
/// <param name="Quality">How far the volume can be trusted; good for gaps (nothing is claimed).</param>
/// <param name="GapReason">Why there is no volume; null when there is one.</param>
public sealed record ConsumptionInterval(
    DateTimeOffset Start,
    DateTimeOffset End,
    RegisterReading? StartRegister,
    RegisterReading? EndRegister,
    decimal? VolumeM3,
    QualityFlag Quality,
    string? GapReason)
{
    /// <summary>Whether the interval has no volume.</summary>
    public bool IsGap => VolumeM3 is null;
}
