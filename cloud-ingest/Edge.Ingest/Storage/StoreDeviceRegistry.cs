using Edge.Ingest.Registry;

namespace Edge.Ingest.Storage;

/// <summary>
/// The <see cref="IDeviceRegistry"/> of the service, kept in the store's <c>devices</c> table. Every write is
/// validated first, so a stored document is always valid; documents are read back with the same rules.
/// </summary>
public sealed class StoreDeviceRegistry(IRegistryStore store, DeviceRegistrationValidator validator) : IDeviceRegistry
{
    private readonly IRegistryStore _store = store;
    private readonly DeviceRegistrationValidator _validator = validator;

    /// <inheritdoc />
    public async ValueTask<DeviceRegistration?> FindAsync(string deviceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        var found = await _store.GetDevicesAsync([deviceId], null, cancellationToken);
        return found.Count == 0 ? null : ToRegistration(found[0]);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyDictionary<string, DeviceRegistration>> FindManyAsync(
        IReadOnlyCollection<string> deviceIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceIds);
        if (deviceIds.Count == 0)
        {
            return new Dictionary<string, DeviceRegistration>(StringComparer.Ordinal);
        }

        var found = await _store.GetDevicesAsync(deviceIds, null, cancellationToken);
        return found.ToDictionary(d => d.DeviceId, ToRegistration, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<DeviceRegistration>> ListByAreaAsync(AreaCode area, CancellationToken cancellationToken) =>
        [.. (await _store.GetDevicesAsync(null, area.Code, cancellationToken)).Select(ToRegistration)];

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<DeviceRegistration>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await _store.GetDevicesAsync(null, null, cancellationToken)).Select(ToRegistration)];

    /// <inheritdoc />
    public async ValueTask<RegistryWriteResult> UpsertAsync(DeviceRegistration registration, CancellationToken cancellationToken) =>
        (await RegisterAsync(registration, cancellationToken)).Result;

    /// <summary>
    /// Validates and stores <paramref name="registration"/>, releasing the device's quarantined readings from its
    /// gateway in the same transaction; returns how many were released (0 when the registration was invalid).
    /// </summary>
    public async ValueTask<(RegistryWriteResult Result, int Released)> RegisterAsync(
        DeviceRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var errors = _validator.Validate(registration);
        if (errors.Count > 0)
        {
            return (new RegistryWriteResult(false, errors), 0);
        }

        var upsert = await _store.UpsertDeviceAsync(ToStored(registration), cancellationToken);
        return (new RegistryWriteResult(upsert.Created, []), upsert.Released);
    }

    /// <inheritdoc />
    public async ValueTask<bool> RemoveAsync(string deviceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        return await _store.DeleteDeviceAsync(deviceId, cancellationToken);
    }

    /// <summary>The row that stores <paramref name="registration"/>.</summary>
    public static StoredDevice ToStored(DeviceRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return new StoredDevice(
            registration.DeviceId, registration.GatewayId, DeviceKindNames.ToName(registration.Kind),
            registration.Area.Code, DeviceDocument.Write(registration));
    }

    private DeviceRegistration ToRegistration(StoredDevice stored)
    {
        var (device, errors) = DeviceDocument.Read(stored.Document, _validator);
        return device ?? throw new InvalidOperationException(
            $"The stored registration of {DetailText.Quote(stored.DeviceId)} is no longer valid: {string.Join(" ", errors)}");
    }
}
