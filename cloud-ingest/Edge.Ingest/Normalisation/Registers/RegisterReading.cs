namespace Edge.Ingest.Normalisation.Registers;

/// <summary>One register value of a water meter.</summary>
/// <param name="ObservedAt">Observed time (UTC).</param>
/// <param name="ValueM3">Register value in m³, as shown by the meter (after rollover it starts again at 0).</param>
/// <param name="MeterSerial">Serial number of the meter that produced the value, when the device reports it.</param>
/// <param name="ReverseFlow">The meter flagged reverse flow (backflow) since the previous reading.</param>
public readonly record struct RegisterReading(
    DateTimeOffset ObservedAt, decimal ValueM3, string? MeterSerial = null, bool ReverseFlow = false);
