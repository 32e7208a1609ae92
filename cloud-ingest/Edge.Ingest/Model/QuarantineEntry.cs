namespace Edge.Ingest.Model;

/// <summary>Quarantined readings of one unregistered device from one gateway.</summary>
/// <param name="DeviceId">Device id.</param>
/// <param name="GatewayId">Gateway that sent the readings.</param>
/// <param name="Readings">Readings held in quarantine.</param>
/// <param name="FirstObservedAt">Earliest observed time (UTC).</param>
/// <param name="LastObservedAt">Latest observed time (UTC).</param>
public sealed record QuarantineEntry(
    string DeviceId, string GatewayId, long Readings, DateTimeOffset FirstObservedAt, DateTimeOffset LastObservedAt);
