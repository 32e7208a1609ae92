using System.Globalization;

namespace Edge.Uplink.Json;

/// <summary>Exact conversion between (mantissa, scale) and decimal text, without floating point or culture.</summary>
internal static class DecimalText
{
    /// <summary>Mantissa 12345 at scale 3 → "12.345"; −5 at scale 3 → "-0.005"; always exactly scale decimals.</summary>
    public static string Format(long mantissa, int scale)
    {
        var magnitude = mantissa < 0 ? unchecked((ulong)-(mantissa + 1)) + 1 : (ulong)mantissa;
        var digits = magnitude.ToString(CultureInfo.InvariantCulture);
        var sign = mantissa < 0 ? "-" : "";
        if (scale == 0)
        {
            return sign + digits;
        }

        digits = digits.PadLeft(scale + 1, '0');
        return $"{sign}{digits[..^scale]}.{digits[^scale..]}";
    }

    /// <summary>
    /// Parses a JSON number token (RFC 8259 §6) exactly: mantissa and number of decimals, e.g. "12.340" →
    /// (12340, 3), "1.5e2" → (150, 0). Null error when it parses; else the reason.
    /// </summary>
    public static string? TryParse(string text, out long mantissa, out int decimals)
    {
        mantissa = 0;
        decimals = 0;
        var negative = text.StartsWith('-');
        var body = negative ? text[1..] : text;
        var exponentAt = body.IndexOfAny(['e', 'E']);
        var exponent = 0;
        if (exponentAt >= 0 && !int.TryParse(body[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
        {
            return "exponent is out of range";
        }

        var number = exponentAt >= 0 ? body[..exponentAt] : body;
        var point = number.IndexOf('.');
        var digits = point >= 0 ? number[..point] + number[(point + 1)..] : number;
        long places = (point >= 0 ? number.Length - point - 1 : 0) - (long)exponent;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return "is not a decimal number";
        }

        // Trailing zeros beyond the largest scale carry no value: drop them before judging the scale.
        while (places > BatchLimits.MaxScale && digits.Length > 1 && digits[^1] == '0')
        {
            digits = digits[..^1];
            places--;
        }

        if (places > BatchLimits.MaxScale)
        {
            return $"has {places} decimals; at most {BatchLimits.MaxScale} are allowed";
        }

        digits = digits.TrimStart('0');
        if (places < 0)
        {
            if (digits.Length > 0 && digits.Length - places > 19)
            {
                return "does not fit in a 64-bit mantissa";
            }

            digits += new string('0', digits.Length == 0 ? 0 : (int)-places);
            places = 0;
        }

        if (digits.Length > 19 || !ulong.TryParse(digits.Length == 0 ? "0" : digits, NumberStyles.None, CultureInfo.InvariantCulture, out var magnitude)
            || magnitude > (negative ? 1UL << 63 : long.MaxValue))
        {
            return "does not fit in a 64-bit mantissa";
        }

        mantissa = negative ? unchecked((long)(0 - magnitude)) : (long)magnitude;
        decimals = (int)places;
        return null;
    }

    /// <summary>Multiplies by 10^<paramref name="places"/>; false on overflow.</summary>
    public static bool TryRescale(long mantissa, int places, out long result)
    {
        result = mantissa;
        for (var i = 0; i < places; i++)
        {
            if (result > long.MaxValue / 10 || result < long.MinValue / 10)
            {
                return false;
            }

            result *= 10;
        }

        return true;
    }
}
