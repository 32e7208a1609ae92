namespace Edge.Ingest.Registry;

/// <summary>
/// The device registry: which devices exist, which gateway owns each, what they measure and where they are.
/// Implementations: <see cref="InMemoryDeviceRegistry"/> (tests, demo seed); a storage-backed one comes with the
/// registry tables. Every write validates, so a stored registration is always valid.
/// </summary>
public interface IDeviceRegistry
{
    /// <summary>The registration of <paramref name="deviceId"/>, or null.</summary>
    ValueTask<DeviceRegistration?> FindAsync(string deviceId, CancellationToken cancellationToken);

    /// <summary>The registrations of those <paramref name="deviceIds"/> that are registered (one look-up per batch).</summary>
    ValueTask<IReadOnlyDictionary<string, DeviceRegistration>> FindManyAsync(
        IReadOnlyCollection<string> deviceIds, CancellationToken cancellationToken);

    /// <summary>Every device in <paramref name="area"/>, ordered by device id.</summary>
    ValueTask<IReadOnlyList<DeviceRegistration>> ListByAreaAsync(AreaCode area, CancellationToken cancellationToken);

    /// <summary>Every device, ordered by device id.</summary>
    ValueTask<IReadOnlyList<DeviceRegistration>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Registers or replaces a device after validating it; an invalid registration changes nothing.</summary>
    ValueTask<RegistryWriteResult> UpsertAsync(DeviceRegistration registration, CancellationToken cancellationToken);

    /// <summary>Removes a device; false when it was not registered.</summary>
    ValueTask<bool> RemoveAsync(string deviceId, CancellationToken cancellationToken);
}
