namespace Edge.Ingest.Model;

/// <summary>Answer of <c>GET /v1/meters/{id}/consumption</c>.</summary>
/// <param name="DeviceId">The meter.</param>
/// <param name="Interval">hour, day or month.</param>
/// <param name="Missing">How many of the intervals are gaps.</param>
/// <param name="Intervals">The intervals in time order.</param>
public sealed record MeterConsumption(string DeviceId, string Interval, int Missing, IReadOnlyList<ConsumptionPeriod> Intervals);
