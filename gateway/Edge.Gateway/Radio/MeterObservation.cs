namespace Edge.Gateway.Radio;

/// <summary>One value of a meter the gateway reads, with its own observed time (a historical slot, a fixed-time register).</summary>
/// <param name="Channel">What is measured, e.g. <c>energy</c>, <c>volume</c>.</param>
/// <param name="Unit">SenML unit (RFC 8428 §12.1, RFC 8798), e.g. <c>kWh</c>, <c>m3</c>, <c>W</c>.</param>
/// <param name="Mantissa">Value = mantissa × 10^-scale.</param>
/// <param name="Scale">Decimal scale (0..18).</param>
/// <param name="ObservedUnixMs">When the value was measured (old values become backfill in the store's classifier).</param>
/// <param name="Flags">Reading flags (<see cref="MeterAlarmFlags"/>): the classifier turns them into events.</param>
internal sealed record MeterObservation(string Channel, string Unit, long Mantissa, int Scale, long ObservedUnixMs, int Flags = 0);
