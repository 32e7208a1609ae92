namespace Edge.Ingest.Storage;

/// <summary>Quarantined readings of one unregistered device from one gateway.</summary>
/// <param name="DeviceId">Device id.</param>
/// <param name="GatewayId">Gateway that sent them.</param>
/// <param name="Readings">How many readings are quarantined.</param>
/// <param name="FirstObservedUnixMs">Earliest observed time, Unix milliseconds UTC.</param>
/// <param name="LastObservedUnixMs">Latest observed time, Unix milliseconds UTC.</param>
public sealed record QuarantinedDevice(
    string DeviceId, string GatewayId, long Readings, long FirstObservedUnixMs, long LastObservedUnixMs);
