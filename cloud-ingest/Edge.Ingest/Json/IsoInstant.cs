using System.Globalization;
using System.Text.RegularExpressions;

namespace Edge.Ingest.Json;

/// <summary>
/// Strict RFC 3339 §5.6 date-time: date, 'T', time and an explicit offset (<c>Z</c> or ±hh:mm). A time without an
/// offset is ambiguous across the gateway's and the server's zones, so it is refused rather than guessed.
/// </summary>
public static partial class IsoInstant
{
    /// <summary>Parses <paramref name="text"/>; false when it is not an RFC 3339 date-time with offset.</summary>
    public static bool TryParse(string? text, out DateTimeOffset instant)
    {
        instant = default;
        return text is not null && Rfc3339().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,7})?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
