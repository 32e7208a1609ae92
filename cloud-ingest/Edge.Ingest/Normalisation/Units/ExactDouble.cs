using System.Globalization;

namespace Edge.Ingest.Normalisation.Units;

/// <summary>
/// The double nearest to an exact decimal, rounded once. Values are stored as doubles but sent and converted as exact
/// decimals; computing <c>mantissa × 0.001</c> in binary would round twice (0.001 is not a double).
/// </summary>
public static class ExactDouble
{
    // 10^0 .. 10^22 are exact doubles (5^22 < 2^53).
    private static readonly double[] _powersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];

    private const long MaxExactMantissa = 1L << 53;

    /// <summary>The double nearest to <paramref name="mantissa"/> × 10^<paramref name="exponent"/>.</summary>
    public static double FromDecimal(long mantissa, int exponent)
    {
        // Clinger's fast path: both operands are exact doubles, so one IEEE multiplication or division rounds the
        // exact result once, to nearest even, which is what a correctly rounded parser answers.
        if (mantissa is > -MaxExactMantissa and < MaxExactMantissa && exponent is >= -22 and <= 22)
        {
            return exponent >= 0 ? mantissa * _powersOfTen[exponent] : mantissa / _powersOfTen[-exponent];
        }

        return double.Parse(
            string.Create(CultureInfo.InvariantCulture, $"{mantissa}E{exponent}"), NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    /// <summary>The double nearest to <paramref name="value"/>.</summary>
    public static double FromDecimal(decimal value) =>
        double.Parse(value.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
}
