using System.Globalization;

namespace Edge.Uplink.Json;

/// <summary>Unix milliseconds ↔ RFC 3339 / ISO-8601 text such as <c>2026-11-01T00:00:00.000Z</c>.</summary>
internal static class IsoTime
{
    private const string OutputFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    private const string InputFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz";

    public static string Format(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime.ToString(OutputFormat, CultureInfo.InvariantCulture);

    /// <summary>Accepts a date-time with "Z" or a numeric offset and at most millisecond precision.</summary>
    public static string? TryParse(string text, out long unixMs)
    {
        unixMs = 0;
        var normalized = text.EndsWith('Z') ? text[..^1] + "+00:00" : text;
        if (!DateTimeOffset.TryParseExact(normalized, InputFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return "is not an ISO-8601 time with offset (e.g. 2026-11-01T00:00:00.000Z)";
        }

        if (time.UtcTicks % TimeSpan.TicksPerMillisecond != 0)
        {
            return "has sub-millisecond precision";
        }

        // Offsets can push a time just past the years 0001-9999 that a batch can carry.
        if (time.UtcDateTime.Year is < 1 or > 9999)
        {
            return "is outside years 0001-9999";
        }

        unixMs = time.ToUnixTimeMilliseconds();
        return null;
    }
}
