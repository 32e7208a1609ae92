using System.Globalization;

namespace Edge.Ingest.Normalisation.Units;

/// <summary>
/// How a value in one input unit becomes the canonical unit of its quantity:
/// canonical = (value + <see cref="Offset"/>) × <see cref="Factor"/> / <see cref="Divisor"/>.
/// Every factor and offset here is an exact decimal (1 l/s = 3.6 m³/h, 0 °C = 273.15 K), so the arithmetic runs in
/// <see cref="decimal"/> and the result is rounded once, to the nearest double. Only °F needs a division by 9, which
/// is rounded at 28 significant digits first.
/// </summary>
/// <param name="Quantity">The quantity measured.</param>
/// <param name="InputUnit">Unit symbol as sent, case-sensitive (RFC 8428 §4.5.3), e.g. <c>l/min</c>.</param>
/// <param name="Source">Where <paramref name="InputUnit"/> is defined.</param>
/// <param name="Factor">Multiplier after the offset.</param>
/// <param name="Offset">Added to the value before the multiplier (temperatures only).</param>
/// <param name="Divisor">Divisor after the multiplier (°F: 9; J to kWh: 3.6 × 10⁶).</param>
public sealed record QuantityConversion(
    Quantity Quantity, string InputUnit, UnitSource Source, decimal Factor, decimal Offset = 0m, decimal Divisor = 1m)
{
    /// <summary>The canonical unit of <see cref="Quantity"/>.</summary>
    public CanonicalUnit Canonical => CanonicalUnits.For(Quantity);

    /// <summary>Converts mantissa × 10^-<paramref name="scale"/> to the canonical unit, exactly in decimal.</summary>
    /// <exception cref="OverflowException">The value does not fit a decimal after conversion.</exception>
    public decimal ToCanonicalDecimal(long mantissa, int scale)
    {
        return ToCanonicalDecimal(ToDecimal(mantissa, scale));
    }

    /// <summary>The exact decimal mantissa × 10^-<paramref name="scale"/> (scale 0 to 28).</summary>
    public static decimal ToDecimal(long mantissa, int scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(scale);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, 28);
        // new decimal(lo, mid, hi, negative, scale) holds mantissa × 10^-scale exactly.
        var magnitude = mantissa == long.MinValue ? 9_223_372_036_854_775_808UL : (ulong)Math.Abs(mantissa);
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, mantissa < 0, (byte)scale);
    }

    /// <summary>Converts a decimal value in <see cref="InputUnit"/> to the canonical unit.</summary>
    public decimal ToCanonicalDecimal(decimal value)
    {
        var shifted = (value + Offset) * Factor;
        return Divisor == 1m ? shifted : shifted / Divisor;
    }

    /// <summary>Converts mantissa × 10^-<paramref name="scale"/> to the canonical unit, rounded once to a double.</summary>
    public double ToCanonical(long mantissa, int scale)
    {
        // decimal → text → double lets the runtime's correctly rounded parser do the only binary rounding.
        var exact = ToCanonicalDecimal(mantissa, scale);
        return double.Parse(exact.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
