namespace Edge.Ingest.Model;

/// <summary>Readings of one meter (<c>GET /v1/meters/{id}/readings</c>).</summary>
/// <param name="DeviceId">The meter's device id.</param>
/// <param name="Readings">Readings ordered by observed time, then seq.</param>
public sealed record MeterReadings(string DeviceId, IReadOnlyList<MeterReading> Readings);
