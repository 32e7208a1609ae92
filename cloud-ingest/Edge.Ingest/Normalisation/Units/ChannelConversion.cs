namespace Edge.Ingest.Normalisation.Units;

/// <summary>
/// How the values of one channel become canonical: the registered multiplier (a pulse input's litres per pulse) first,
/// then the unit conversion of the channel's quantity. Resolved once per channel of a batch, applied to every reading.
/// </summary>
public sealed class ChannelConversion
{
    // canonical = value × 10^_exponent when the whole conversion is a power of ten (l → m3, a ×10 pulse in l, cm → mm).
    private readonly int? _exponent;

    /// <summary>Creates the conversion of <paramref name="conversion"/> after <paramref name="multiplier"/>.</summary>
    public ChannelConversion(QuantityConversion conversion, decimal multiplier = 1m)
    {
        ArgumentNullException.ThrowIfNull(conversion);
        Conversion = conversion;
        Multiplier = multiplier;
        if (conversion.Offset == 0m && conversion.Divisor == 1m && TryPowerOfTen(conversion.Factor * multiplier, out var exponent))
        {
            _exponent = exponent;
        }
    }

    /// <summary>The unit conversion of the channel's quantity.</summary>
    public QuantityConversion Conversion { get; }

    /// <summary>Scaling applied to the sent value before <see cref="Conversion"/>.</summary>
    public decimal Multiplier { get; }

    /// <summary>The canonical unit.</summary>
    public CanonicalUnit Canonical => Conversion.Canonical;

    /// <summary>The exact canonical value of mantissa × 10^-<paramref name="scale"/> as sent.</summary>
    /// <exception cref="OverflowException">The value does not fit a decimal after conversion.</exception>
    public decimal ToCanonicalDecimal(long mantissa, int scale) =>
        Conversion.ToCanonicalDecimal(QuantityConversion.ToDecimal(mantissa, scale) * Multiplier);

    /// <summary>The canonical value of mantissa × 10^-<paramref name="scale"/> as sent, rounded once to a double.</summary>
    /// <exception cref="OverflowException">The value does not fit a decimal after conversion.</exception>
    public double ToCanonical(long mantissa, int scale) =>
        _exponent is { } exponent
            ? ExactDouble.FromDecimal(mantissa, exponent - scale)
            : ExactDouble.FromDecimal(ToCanonicalDecimal(mantissa, scale));

    private static bool TryPowerOfTen(decimal value, out int exponent)
    {
        exponent = 0;
        if (value <= 0m)
        {
            return false;
        }

        while (value >= 10m && decimal.Remainder(value, 10m) == 0m)
        {
            value /= 10m;
            exponent++;
        }

        while (value < 1m)
        {
            value *= 10m;
            exponent--;
        }

        return value == 1m;
    }
}
