using System.Globalization;

namespace Edge.Ingest.Apis;

/// <summary>Parses ISO 8601 instants given as query parameters: a date and time with <c>Z</c> or an offset.</summary>
public static class InstantParameter
{
    // RFC 3339 §5.6 profile of ISO 8601: a local time without an offset is not an instant, so it is refused.
    private static readonly string[] _utcFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm'Z'",
    ];

    private static readonly string[] _offsetFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mmzzz",
    ];

    /// <summary>
    /// Parses <paramref name="text"/> to Unix milliseconds; an absent parameter gives <see langword="null"/>.
    /// Returns false with a detail message naming <paramref name="name"/> when the text is not an instant.
    /// </summary>
    public static bool TryParse(string? text, string name, out long? unixMs, out string? problem)
    {
        unixMs = null;
        problem = null;
        if (text is null)
        {
            return true;
        }

        const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTimeOffset.TryParseExact(text, _utcFormats, CultureInfo.InvariantCulture, Utc, out var instant)
            || DateTimeOffset.TryParseExact(text, _offsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant))
        {
            unixMs = instant.ToUnixTimeMilliseconds();
            return true;
        }

        problem = $"The '{name}' parameter {DetailText.Quote(text)} is not an ISO 8601 instant such as " +
            "2025-06-01T09:00:00Z or 2025-06-01T18:00:00+09:00 (in a URL, write '+' as %2B).";
        return false;
    }
}
