using System.Globalization;

namespace Edge.Ingest.Apis;

/// <summary>Parses the <c>limit</c> query parameter: a whole number in a fixed range, with a default.</summary>
public static class LimitParameter
{
    /// <summary>
    /// Parses <paramref name="text"/> into 1..<paramref name="max"/>; an absent parameter gives
    /// <paramref name="defaultValue"/>. Returns false with a detail message when the text is not such a number.
    /// </summary>
    public static bool TryParse(string? text, int defaultValue, int max, out int limit, out string? problem)
    {
        problem = null;
        limit = defaultValue;
        if (text is null)
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit >= 1 && limit <= max)
        {
            return true;
        }

        limit = 0;
        problem = string.Create(CultureInfo.InvariantCulture,
            $"The 'limit' parameter {DetailText.Quote(text)} is not a whole number from 1 to {max}.");
        return false;
    }
}
