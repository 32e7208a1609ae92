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
        ArgumentNullException.ThrowIfNull(device);
        value = default;
        if (device.FindChannel(channel) is not { } spec)
        {
            problem = $"Device {DetailText.Quote(device.DeviceId)} has no channel {DetailText.Quote(channel)} registered.";
            return false;
        }

        if (!units.TryGet(spec.Quantity, unit, out var conversion))
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

        try
        {
            var sent = QuantityConversion.ToDecimal(mantissa, scale) * spec.Multiplier;
            value = new CanonicalValue(spec.Quantity, conversion.ToCanonicalDecimal(sent), conversion.Canonical);
        }
        catch (OverflowException)
        {
            problem = $"Device {DetailText.Quote(device.DeviceId)} channel {DetailText.Quote(channel)} sent a value too large to convert.";
            return false;
        }

        problem = null;
        return true;
    }
}
