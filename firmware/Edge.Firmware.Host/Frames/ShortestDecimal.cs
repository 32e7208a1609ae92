using System;
using System.Globalization;

namespace Edge.Firmware.Frames;

/// <summary>
/// Turns a binary float into the exact decimal the device meant: its shortest round-trip rendering (the
/// default "R" formatting of .NET, in the invariant culture, at the float's own precision), then
/// mantissa and scale with value = mantissa × 10^-scale (FRAME.md: the shortest decimal rendering of the
/// float is the exact register).
/// </summary>
internal static class ShortestDecimal
{
    public static bool TryFromDouble(double value, out long mantissa, out int scale)
    {
        mantissa = 0;
        scale = 0;
        return double.IsFinite(value) && TryParse(value.ToString("R", CultureInfo.InvariantCulture), out mantissa, out scale);
    }

    public static bool TryFromSingle(float value, out long mantissa, out int scale)
    {
        mantissa = 0;
        scale = 0;
        return float.IsFinite(value) && TryParse(value.ToString("R", CultureInfo.InvariantCulture), out mantissa, out scale);
    }

    public static bool TryFromHalf(Half value, out long mantissa, out int scale)
    {
        mantissa = 0;
        scale = 0;
        return Half.IsFinite(value) && TryParse(value.ToString(CultureInfo.InvariantCulture), out mantissa, out scale);
    }

    /// <summary>
    /// Parses renderings such as <c>1234.5</c>, <c>-0</c>, <c>1E-05</c> or <c>1.5E+20</c>; false when the
    /// value needs more than a 64-bit mantissa or more than <see cref="FrameLimits.MaxScale"/> decimals.
    /// </summary>
    public static bool TryParse(string text, out long mantissa, out int scale)
    {
        mantissa = 0;
        scale = 0;
        var negative = text.StartsWith('-');
        var s = negative ? text[1..] : text;
        var exponent = 0;
        var e = s.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            if (!int.TryParse(s[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
            {
                return false;
            }

            s = s[..e];
        }

        var dot = s.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? s : string.Concat(s.AsSpan(0, dot), s.AsSpan(dot + 1));
        var fraction = dot < 0 ? 0 : s.Length - dot - 1;
        if (digits.Length == 0 || !IsAllDigits(digits))
        {
            return false;
        }

        digits = digits.TrimStart('0');
        if (digits.Length == 0)
        {
            return true; // zero, including negative zero
        }

        var exp10 = (long)fraction - exponent;
        while (exp10 > 0 && digits.EndsWith('0'))
        {
            digits = digits[..^1];
            exp10--;
        }

        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var m))
        {
            return false;
        }

        for (; exp10 < 0; exp10++)
        {
            if (m > long.MaxValue / 10)
            {
                return false;
            }

            m *= 10;
        }

        if (exp10 > FrameLimits.MaxScale)
        {
            return false;
        }

        mantissa = negative ? -m : m;
        scale = (int)exp10;
        return true;
    }

    private static bool IsAllDigits(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
