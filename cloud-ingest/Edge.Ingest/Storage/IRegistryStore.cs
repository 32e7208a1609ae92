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
    /// Registers or replaces a device and, in the same transaction, releases its quarantined readings that its
    /// gateway sent (they become ordinary readings).
    /// </summary>
    Task<DeviceUpsert> UpsertDeviceAsync(StoredDevice device, CancellationToken cancellationToken);

    /// <summary>Removes a registration (its readings stay); false when it was not registered.</summary>
    Task<bool> DeleteDeviceAsync(string deviceId, CancellationToken cancellationToken);

    /// <summary>Quarantined readings per device and sending gateway, ordered by device id then gateway id.</summary>
    Task<IReadOnlyList<QuarantinedDevice>> GetQuarantineAsync(CancellationToken cancellationToken);
}
