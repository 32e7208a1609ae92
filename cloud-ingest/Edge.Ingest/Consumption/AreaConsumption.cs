using Edge.Ingest.Registry;

namespace Edge.Ingest.Consumption;

/// <summary>
/// An area's total for one period: the sum over the meters that have a volume, with how many did and did not, so that
/// a partial total is never mistaken for a complete one. Household-level volumes are not part of it, which is what
/// lets the disaster role read it (DESIGN.md "Ingest promises" 5).
/// </summary>
/// <param name="Area">The municipality.</param>
/// <param name="Start">Period start (UTC).</param>
/// <param name="End">Period end (UTC).</param>
/// <param name="VolumeM3">Sum of the contributing meters' volumes, m³.</param>
/// <param name="MetersContributing">Meters with a volume for the period.</param>
/// <param name="MetersMissing">Meters registered in the area without a volume (gap or no data).</param>
/// <param name="MetersSuspect">Contributing meters whose volume is suspect.</param>
public sealed record AreaConsumption(
    AreaCode Area,
    DateTimeOffset Start,
    DateTimeOffset End,
    decimal VolumeM3,
    int MetersContributing,
    int MetersMissing,
    int MetersSuspect)
{
    /// <summary>Whether every registered meter contributed.</summary>
    public bool IsComplete => MetersMissing == 0;
}
