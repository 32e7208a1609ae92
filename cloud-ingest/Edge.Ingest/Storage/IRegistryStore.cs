namespace Edge.Ingest.Storage;

/// <summary>
/// The device registry's table and the quarantine view, implemented by both stores beside <see cref="IIngestStore"/>.
/// The store keeps documents as given; <see cref="StoreDeviceRegistry"/> validates and converts them.
/// </summary>
public interface IRegistryStore
{
    /// <summary>
    /// Registered devices ordered by device id: those of <paramref name="deviceIds"/> (all when null) in
    /// <paramref name="areaCode"/> (any area when null).
    /// </summary>
    Task<IReadOnlyList<StoredDevice>> GetDevicesAsync(
        IReadOnlyCollection<string>? deviceIds, string? areaCode, CancellationToken cancellationToken);

    /// <summary>
    /// The revision of each of <paramref name="deviceIds"/>, in order, null for one not registered: one cheap query per
    /// batch tells whether a cached registration is still the stored one (a revision changes at every write of a
    /// device and is never reused, also across a removal and a new registration).
    /// </summary>
    Task<IReadOnlyList<long?>> GetDeviceRevisionsAsync(IReadOnlyList<string> deviceIds, CancellationToken cancellationToken);

    /// <summary>
    /// Registers or replaces devices, in order, in one transaction, and in it releases the quarantined readings that
    /// each device's gateway sent (they become ordinary readings, with the values <see cref="DeviceWrite.Release"/>
    /// gives them). Returns what happened to each device, in order.
    /// </summary>
    Task<IReadOnlyList<DeviceUpsert>> UpsertDevicesAsync(IReadOnlyList<DeviceWrite> devices, CancellationToken cancellationToken);

    /// <summary>Removes a registration (its readings stay); false when it was not registered.</summary>
    Task<bool> DeleteDeviceAsync(string deviceId, CancellationToken cancellationToken);

    /// <summary>Quarantined readings per device and sending gateway, ordered by device id then gateway id.</summary>
    Task<IReadOnlyList<QuarantinedDevice>> GetQuarantineAsync(CancellationToken cancellationToken);
}
