namespace Edge.Ingest.Storage;

/// <summary>What <see cref="IRegistryStore.UpsertDevicesAsync"/> did.</summary>
/// <param name="Created">True when the device was new, false when a registration was replaced.</param>
/// <param name="Released">Quarantined readings released by this registration (those it cannot convert stay quarantined).</param>
public sealed record DeviceUpsert(bool Created, int Released);
