using System.Diagnostics.CodeAnalysis;
using Edge.Ingest.Registry;

namespace Edge.Ingest.Normalisation.Units;

/// <summary>
/// Turns a value a device sent on a channel into the canonical unit, using the channel's registration: its
/// quantity picks the conversion, its multiplier scales the sent value first (a pulse input counting 10 l per pulse).
/// A device may send any unit its quantity accepts, except on a scaled channel, where the multiplier is only
/// meaningful for the registered unit.
/// </summary>
public sealed class ChannelValueNormaliser(QuantityUnitCatalog units)
{
    /// <summary>A normaliser over Edge's default units.</summary>
    public static ChannelValueNormaliser Default { get; } = new(QuantityUnitCatalog.Default);

    /// <summary>Converts mantissa × 10^-scale in <paramref name="unit"/> sent on <paramref name="channel"/> of <paramref name="device"/>.</summary>
    public bool TryNormalise(
        DeviceRegistration device, string channel, string unit, long mantissa, int scale,
        out CanonicalValue value, [NotNullWhen(false)] out string? problem)
    {
        value = default;
        if (!TryResolve(device, channel, unit, out var conversion, out problem))
        {
            return false;
        }

        try
        {
            value = new CanonicalValue(conversion.Conversion.Quantity, conversion.ToCanonicalDecimal(mantissa, scale), conversion.Canonical);
        }
        catch (OverflowException)
        {
            problem = TooLarge(device.DeviceId, channel);
            return false;
        }

        return true;
    }

    /// <summary>
    /// How values in <paramref name="unit"/> sent on <paramref name="channel"/> of <paramref name="device"/> become
    /// canonical, or why they cannot: the channel is not registered, its quantity does not accept the unit, or the
    /// channel is scaled and the unit is not the registered one.
    /// </summary>
    public bool TryResolve(
        DeviceRegistration device, string channel, string unit,
        [NotNullWhen(true)] out ChannelConversion? conversion, [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(device);
        conversion = null;
        if (device.FindChannel(channel) is not { } spec)
        {
            problem = $"Device {DetailText.Quote(device.DeviceId)} has no channel {DetailText.Quote(channel)} registered; " +
                $"registered: {string.Join(", ", device.Channels.Select(c => c.Name))}.";
            return false;
        }

        if (!units.TryGet(spec.Quantity, unit, out var quantityConversion))
        {
            problem = $"Device {DetailText.Quote(device.DeviceId)} channel {DetailText.Quote(channel)} measures " +
                $"{QuantityNames.ToName(spec.Quantity)}; the unit {DetailText.Quote(unit)} is not one of " +
                $"{string.Join(", ", units.UnitsFor(spec.Quantity))}.";
            return false;
        }

        if (spec.Multiplier != 1m && !string.Equals(unit, spec.Unit, StringComparison.Ordinal))
        {
            problem = $"Device {DetailText.Quote(device.DeviceId)} channel {DetailText.Quote(channel)} is scaled for " +
                $"{DetailText.Quote(spec.Unit)} and must be sent in it, not in {DetailText.Quote(unit)}.";
            return false;
        }

        conversion = new ChannelConversion(quantityConversion, spec.Multiplier);
        problem = null;
        return true;
    }

    /// <summary>
    /// How values in <paramref name="unit"/> of a device that is not registered become canonical: by the unit alone,
    /// when only one quantity accepts it. Without a registration there is no multiplier.
    /// </summary>
    public bool TryResolveUnregistered(
        string deviceId, string channel, string unit,
        [NotNullWhen(true)] out ChannelConversion? conversion, [NotNullWhen(false)] out string? problem)
    {
        conversion = null;
        if (units.TryGetByUnit(unit, out var byUnit, out var quantities))
        {
            conversion = new ChannelConversion(byUnit);
            problem = null;
            return true;
        }

        var where = $"Device {DetailText.Quote(deviceId)} (not registered) channel {DetailText.Quote(channel)}";
        problem = quantities.Count > 1
            ? $"{where} uses the unit {DetailText.Quote(unit)}, which can measure " +
              $"{string.Join(" or ", quantities.Select(QuantityNames.ToName))}; register the device to say which."
            : $"{where} uses the unit {DetailText.Quote(unit)}, which is not supported; supported units: " +
              $"{string.Join(", ", units.AllUnits)}.";
        return false;
    }

    /// <summary>The reason for a value that overflows the conversion.</summary>
    public static string TooLarge(string deviceId, string channel) =>
        $"Device {DetailText.Quote(deviceId)} channel {DetailText.Quote(channel)} sent a value too large to convert.";
}
