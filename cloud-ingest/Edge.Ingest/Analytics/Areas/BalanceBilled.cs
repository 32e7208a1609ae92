namespace Edge.Ingest.Analytics.Areas;

/// <summary>The billed side of a DMA water balance: the area's customer meters, summed.</summary>
/// <param name="VolumeM3">Sum of the meters with a volume for the period, m³ (a lower bound when some have none).</param>
/// <param name="Meters">Customer meters of the area (the inflow meter is not one).</param>
/// <param name="MetersWithVolume">Meters with a volume for the whole period (a register reading near both its ends).</param>
/// <param name="MetersReporting">Meters with a volume for at least one hour of the period.</param>
/// <param name="HoursPresent">Meter-hours of the period with a volume.</param>
/// <param name="HoursExpected">Meters × hours of the period.</param>
public sealed record BalanceBilled(decimal VolumeM3, int Meters, int MetersWithVolume, int MetersReporting, int HoursPresent, int HoursExpected);
