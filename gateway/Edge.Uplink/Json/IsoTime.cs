using System.Globalization;

namespace Edge.Uplink.Json;

/// <summary>Unix milliseconds ↔ RFC 3339 / ISO-8601 text such as <c>2026-11-01T00:00:00.000Z</c>.</summary>
internal static class IsoTime
{
    private const string OutputFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    private const string LocalFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF";
    private const string NotIso = "is not an ISO-8601 time with offset (e.g. 2026-11-01T00:00:00.000Z)";

    public static string Format(long unixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMs).UtcDateTime.ToString(OutputFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// Accepts RFC 3339 §5.6 date-times: "Z" or a ±hh:mm offset, at most millisecond precision. Null error
    /// when it parses; else the reason.
    /// </summary>
    public static string? TryParse(string text, out long unixMs)
    {
        unixMs = 0;
        if (!TrySplitOffset(text, out var local, out var offsetMinutes))
        {
            return NotIso;
        }

        if (!DateTime.TryParseExact(local, LocalFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return NotIso;
        }

        var utcTicks = time.Ticks - (offsetMinutes * TimeSpan.TicksPerMinute);
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return "is outside years 0001-9999";
        }

        if (utcTicks % TimeSpan.TicksPerMillisecond != 0)
        {
            return "has sub-millisecond precision";
        }

        unixMs = (utcTicks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
        return null;
    }

    private static bool TrySplitOffset(string text, out string local, out long offsetMinutes)
    {
        local = text;
        offsetMinutes = 0;
        if (text.EndsWith('Z'))
        {
            local = text[..^1];
            return true;
        }

        if (text.Length < 6 || text[^6] is not ('+' or '-') || text[^3] != ':'
            || !int.TryParse(text.AsSpan(text.Length - 5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(text.AsSpan(text.Length - 2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || hours > 23 || minutes > 59)
        {
            return false;
        }

        local = text[..^6];
        offsetMinutes = (text[^6] == '-' ? -1 : 1) * ((hours * 60) + minutes);
        return true;
    }
}
