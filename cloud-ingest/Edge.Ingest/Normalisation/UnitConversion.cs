using System.Globalization;

namespace Edge.Ingest.Normalisation;

/// <summary>
/// How values in one SenML unit become values in the canonical SI unit. Conversions handled here are exact
/// powers of ten, so the canonical value is computed from the decimal mantissa without an extra rounding.
/// </summary>
/// <param name="SenmlUnit">SenML unit symbol as sent (RFC 8428 §12.1), e.g. <c>l</c>.</param>
/// <param name="CanonicalUnit">Canonical SI unit symbol, e.g. <c>m3</c>.</param>
/// <param name="UneceCode">UN/CEFACT Recommendation 20 common code of the canonical unit, e.g. <c>MTQ</c>.</param>
/// <param name="DecimalExponent">canonical = value × 10^DecimalExponent (1 l = 10^-3 m³, so -3).</param>
public sealed record UnitConversion(string SenmlUnit, string CanonicalUnit, string UneceCode, int DecimalExponent)
{
    /// <summary>
    /// Converts mantissa × 10^-<paramref name="scale"/> (in <see cref="SenmlUnit"/>) to the canonical unit, rounded
    /// once to the nearest double.
    /// </summary>
    public double ToCanonical(long mantissa, int scale)
    {
        // Writing the exact decimal and parsing it lets the runtime's correctly rounded parser do the only rounding;
        // mantissa / 10^k in doubles would round twice when 10^k or the mantissa is not exactly representable.
        var exponent = DecimalExponent - scale;
        var text = string.Create(CultureInfo.InvariantCulture, $"{mantissa}E{exponent}");
        return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
