namespace Edge.Ingest.Registry;

/// <summary>An <see cref="IDeviceRegistry"/> held in memory; thread-safe. For tests and the demo seed.</summary>
public sealed class InMemoryDeviceRegistry(DeviceRegistrationValidator validator) : IDeviceRegistry
{
    private readonly DeviceRegistrationValidator _validator = validator;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DeviceRegistration> _devices = new(StringComparer.Ordinal);

    /// <summary>An empty registry validating against Tokyo areas and the default units.</summary>
    public InMemoryDeviceRegistry()
        : this(DeviceRegistrationValidator.Tokyo)
    {
    }

    /// <summary>A registry holding the devices of a seed (validated again: a seed can also be built in code).</summary>
    /// <exception cref="ArgumentException">A device is invalid; the message lists every defect.</exception>
    public static InMemoryDeviceRegistry FromSeed(RegistrySeed seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        var registry = new InMemoryDeviceRegistry();
        var errors = seed.Devices.SelectMany((d, i) => registry._validator.Validate(d, $"$.devices[{i}]")).ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"The seed is invalid: {string.Join(" ", errors)}", nameof(seed));
        }

        foreach (var device in seed.Devices)
        {
            registry._devices[device.DeviceId] = device;
        }

        return registry;
    }

    /// <inheritdoc />
    public ValueTask<DeviceRegistration?> FindAsync(string deviceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_devices.GetValueOrDefault(deviceId));
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<string, DeviceRegistration>> FindManyAsync(
        IReadOnlyCollection<string> deviceIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceIds);
        lock (_gate)
        {
            var found = new Dictionary<string, DeviceRegistration>(StringComparer.Ordinal);
            foreach (var id in deviceIds)
            {
                if (_devices.TryGetValue(id, out var device))
                {
                    found[id] = device;
                }
            }

            return ValueTask.FromResult<IReadOnlyDictionary<string, DeviceRegistration>>(found);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<DeviceRegistration>> ListByAreaAsync(AreaCode area, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<DeviceRegistration>>(
                [.. _devices.Values.Where(d => d.Area == area).OrderBy(d => d.DeviceId, StringComparer.Ordinal)]);
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<DeviceRegistration>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult<IReadOnlyList<DeviceRegistration>>(
                [.. _devices.Values.OrderBy(d => d.DeviceId, StringComparer.Ordinal)]);
        }
    }

    /// <inheritdoc />
    public ValueTask<RegistryWriteResult> UpsertAsync(DeviceRegistration registration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var errors = _validator.Validate(registration);
        if (errors.Count > 0)
        {
            return ValueTask.FromResult(new RegistryWriteResult(false, errors));
        }

        lock (_gate)
        {
            var created = !_devices.ContainsKey(registration.DeviceId);
            _devices[registration.DeviceId] = registration;
            return ValueTask.FromResult(new RegistryWriteResult(created, []));
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> RemoveAsync(string deviceId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_devices.Remove(deviceId));
        }
    }
}
