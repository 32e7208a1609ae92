namespace Edge.Ingest.Storage;

/// <summary>A quarantined reading as sent, for <see cref="QuarantineRelease"/> to normalise again.</summary>
/// <param name="Channel">Channel name as sent.</param>
/// <param name="RawMantissa">Mantissa as sent.</param>
/// <param name="RawScale">Scale as sent.</param>
/// <param name="RawUnit">Unit as sent.</param>
public readonly record struct QuarantinedReading(string Channel, long RawMantissa, int RawScale, string RawUnit);

/// <summary>The canonical value a released reading gets from its device's registration.</summary>
/// <param name="Value">Value in <paramref name="Unit"/>.</param>
/// <param name="Unit">Canonical unit symbol.</param>
/// <param name="UnitCode">UN/CEFACT Rec 20 code of <paramref name="Unit"/>.</param>
public readonly record struct ReleasedValue(double Value, string Unit, string UnitCode);

/// <summary>
/// Normalises a quarantined reading again with its device's new registration (its channel's quantity, unit and
/// multiplier, which a quarantined reading was converted without); null keeps the reading quarantined (a channel or
/// unit the registration does not accept).
/// </summary>
public delegate ReleasedValue? QuarantineRelease(QuarantinedReading reading);

/// <summary>One device to register or replace, and how its quarantined readings are released.</summary>
/// <param name="Device">The row.</param>
/// <param name="Release">
/// How each quarantined reading of the device sent by its gateway is released; null releases them all with the values
/// they were stored with.
/// </param>
public sealed record DeviceWrite(StoredDevice Device, QuarantineRelease? Release = null);

/// <summary>Single-device registration on <see cref="IRegistryStore"/>.</summary>
public static class RegistryStoreExtensions
{
    /// <summary>Registers or replaces one device, releasing its quarantined readings unchanged.</summary>
    public static async Task<DeviceUpsert> UpsertDeviceAsync(
        this IRegistryStore store, StoredDevice device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return (await store.UpsertDevicesAsync([new DeviceWrite(device)], cancellationToken))[0];
    }
}
