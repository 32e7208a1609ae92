namespace Edge.Ingest.Storage;

/// <summary>What <see cref="IRegistryStore.UpsertDeviceAsync"/> did.</summary>
/// <param name="Created">True when the device was new, false when a registration was replaced.</param>
/// <param name="Released">Quarantined readings released by this registration.</param>
public sealed record DeviceUpsert(bool Created, int Released);
