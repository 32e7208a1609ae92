using System.Collections.Concurrent;
using Edge.Ingest.Normalisation.Units;
using Edge.Ingest.Registry;

namespace Edge.Ingest.Storage;

/// <summary>
/// The <see cref="IDeviceRegistry"/> of the service, kept in the store's <c>devices</c> table. Every write is
/// validated first, so a stored document is always valid; documents are read back with the same rules.
/// <para>
/// Every batch looks up its devices (admission, units), so parsed registrations are cached by device id with the
/// device's revision (<see cref="IRegistryStore.GetDeviceRevisionsAsync"/>). A look-up still asks the database, which
/// stays the only truth (another ingest node may have changed or removed a device), but only for the revisions, one
/// number per device; documents are read, parsed and validated only for devices whose revision changed.
/// </para>
/// </summary>
public sealed class StoreDeviceRegistry(
    IRegistryStore store, DeviceRegistrationValidator validator, ChannelValueNormaliser channels) : IDeviceRegistry
{
    private readonly IRegistryStore _store = store;
    private readonly DeviceRegistrationValidator _validator = validator;
    private readonly ChannelValueNormaliser _channels = channels;
    private readonly ConcurrentDictionary<string, (long Revision, DeviceRegistration Registration)> _parsed =
        new(StringComparer.Ordinal);

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

        var ids = deviceIds as IReadOnlyList<string> ?? [.. deviceIds];
        var revisions = await _store.GetDeviceRevisionsAsync(ids, cancellationToken);
        var registrations = new Dictionary<string, DeviceRegistration>(ids.Count, StringComparer.Ordinal);
        List<string>? changed = null;
        for (var i = 0; i < ids.Count; i++)
        {
            if (revisions[i] is not { } revision)
            {
                continue;
            }

            if (_parsed.TryGetValue(ids[i], out var cached) && cached.Revision == revision)
            {
                registrations[ids[i]] = cached.Registration;
            }
            else
            {
                (changed ??= []).Add(ids[i]);
            }
        }

        if (changed is not null)
        {
            foreach (var stored in await _store.GetDevicesAsync(changed, null, cancellationToken))
            {
                registrations[stored.DeviceId] = ToRegistration(stored);
            }
        }

        return registrations;
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
    /// gateway in the same transaction, each normalised again with the registration (a reading on a channel or in a
    /// unit the registration does not accept stays quarantined); returns how many were released (0 when the
    /// registration was invalid).
    /// </summary>
    public async ValueTask<(RegistryWriteResult Result, int Released)> RegisterAsync(
        DeviceRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var (result, released) = await RegisterManyAsync([registration], cancellationToken);
        return (result, released);
    }

    /// <summary>
    /// Validates every registration, then stores them all in one transaction as <see cref="RegisterAsync"/> does one
    /// (a seed of thousands of devices costs one commit). Any invalid registration stores nothing; the result then
    /// lists the defects of the first invalid one.
    /// </summary>
    public async ValueTask<(RegistryWriteResult Result, int Released)> RegisterManyAsync(
        IReadOnlyList<DeviceRegistration> registrations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        foreach (var registration in registrations)
        {
            var errors = _validator.Validate(registration);
            if (errors.Count > 0)
            {
                return (new RegistryWriteResult(false, errors), 0);
            }
        }

        var writes = registrations.Select(r => new DeviceWrite(ToStored(r), ReleaseFor(r))).ToList();
        var upserts = await _store.UpsertDevicesAsync(writes, cancellationToken);
        foreach (var registration in registrations)
        {
            _parsed.TryRemove(registration.DeviceId, out _);
        }

        return (new RegistryWriteResult(upserts.Count == 1 && upserts[0].Created, []), upserts.Sum(u => u.Released));
    }

    /// <inheritdoc />
    public async ValueTask<bool> RemoveAsync(string deviceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceId);
        var removed = await _store.DeleteDeviceAsync(deviceId, cancellationToken);
        _parsed.TryRemove(deviceId, out _);
        return removed;
    }

    /// <summary>The row that stores <paramref name="registration"/>.</summary>
    public static StoredDevice ToStored(DeviceRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return new StoredDevice(
            registration.DeviceId, registration.GatewayId, DeviceKindNames.ToName(registration.Kind),
            registration.Area.Code, DeviceDocument.Write(registration));
    }

    // A quarantined reading was converted by its unit alone; with the registration it gets its channel's conversion.
    private QuarantineRelease ReleaseFor(DeviceRegistration registration) => reading =>
    {
        if (!_channels.TryResolve(registration, reading.Channel, reading.RawUnit, out var conversion, out _))
        {
            return null;
        }

        try
        {
            return new ReleasedValue(
                conversion.ToCanonical(reading.RawMantissa, reading.RawScale), conversion.Canonical.Symbol, conversion.Canonical.UneceCode);
        }
        catch (OverflowException)
        {
            return null;
        }
    };

    private DeviceRegistration ToRegistration(StoredDevice stored)
    {
        if (_parsed.TryGetValue(stored.DeviceId, out var cached) && cached.Revision == stored.Revision)
        {
            return cached.Registration;
        }

        var (device, errors) = DeviceDocument.Read(stored.Document, _validator);
        var registration = device ?? throw new InvalidOperationException(
            $"The stored registration of {DetailText.Quote(stored.DeviceId)} is no longer valid: {string.Join(" ", errors)}");
        _parsed[stored.DeviceId] = (stored.Revision, registration);
        return registration;
    }
}
