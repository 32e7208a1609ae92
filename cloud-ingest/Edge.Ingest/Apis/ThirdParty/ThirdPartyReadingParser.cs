using System.Globalization;
using System.Text;
using System.Text.Json;
using Edge.Ingest.Json;
using Edge.Uplink;

namespace Edge.Ingest.Apis.ThirdParty;

/// <summary>
/// Parses the third-party reading format (media type <see cref="MediaType"/>):
/// <code>
/// { "format": "edge.readings/1", "source": "vendor-x",
///   "readings": [ { "deviceId": "tp-1", "time": "2026-06-01T09:00:00+09:00", "channel": "volume",
///                   "value": 123.456, "unit": "m3", "seq": 17 } ] }
/// </code>
/// Strict: unknown or duplicate members, strings for numbers, times without offset, values beyond 18 decimals or
/// 19 significant digits are errors naming their JSON path; a document with any error yields no readings.
/// Whether a device, channel and unit are registered is decided afterwards, against the registry.
/// </summary>
public static class ThirdPartyReadingParser
{
    /// <summary>The media type of the format.</summary>
    public const string MediaType = "application/vnd.edge.readings+json";

    /// <summary>The only format value accepted so far.</summary>
    public const string Format = "edge.readings/1";

    /// <summary>Longest <c>source</c>.</summary>
    public const int MaxSourceLength = 64;

    /// <summary>Longest <c>unit</c>.</summary>
    public const int MaxUnitLength = 32;

    /// <summary>Most errors listed; the rest are counted.</summary>
    public const int MaxListedErrors = 50;

    /// <summary>Parses <paramref name="utf8Json"/>, refusing more than <paramref name="maxReadings"/> readings.</summary>
    public static ThirdPartyParseResult Parse(ReadOnlyMemory<byte> utf8Json, int maxReadings)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxReadings);
        var errors = new List<JsonPathError>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, new JsonDocumentOptions { AllowDuplicateProperties = false, MaxDepth = 8 });
        }
        catch (JsonException ex)
        {
            return new ThirdPartyParseResult(null, null, [new JsonPathError(ex.Path ?? "$", $"Not valid JSON: {ex.Message}")]);
        }

        using (document)
        {
            var readings = new List<ThirdPartyReading>();
            string? source = null;
            if (StrictJsonObject.Open(document.RootElement, "$", errors) is { } root)
            {
                if (root.RequiredString("format") is { } format && format != Format)
                {
                    root.Error("format", $"Unknown format {DetailText.Quote(format)}; this service reads '{Format}'.");
                }

                source = root.OptionalString("source");
                if (source is { Length: > MaxSourceLength })
                {
                    root.Error("source", string.Create(CultureInfo.InvariantCulture, $"At most {MaxSourceLength} characters."));
                }

                var items = root.Array("readings", required: true);
                if (items.Count > maxReadings)
                {
                    root.Error("readings", string.Create(CultureInfo.InvariantCulture,
                        $"The document has {items.Count} readings; at most {maxReadings} are accepted in one request."));
                    items = [];
                }

                foreach (var (element, path) in items)
                {
                    if (ReadItem(element, path, errors) is { } reading)
                    {
                        readings.Add(reading);
                    }
                }

                root.RejectUnknownMembers();
            }

            return errors.Count == 0 ? new ThirdPartyParseResult(readings, source, []) : new ThirdPartyParseResult(null, source, Cap(errors));
        }
    }

    private static ThirdPartyReading? ReadItem(JsonElement element, string path, List<JsonPathError> errors)
    {
        if (StrictJsonObject.Open(element, path, errors) is not { } o)
        {
            return null;
        }

        var before = errors.Count;
        var deviceId = Id(o, "deviceId");
        var timeText = o.RequiredString("time");
        DateTimeOffset time = default;
        if (timeText is not null && !IsoInstant.TryParse(timeText, out time))
        {
            o.Error("time", $"Expected an RFC 3339 date-time with offset such as 2026-06-01T09:00:00+09:00, found {DetailText.Quote(timeText)}.");
        }

        var channel = Id(o, "channel");
        var value = o.RequiredDecimal("value");
        var mantissa = 0L;
        var scale = 0;
        if (value is { } v && !TrySplit(v, out mantissa, out scale))
        {
            o.Error("value", string.Create(CultureInfo.InvariantCulture,
                $"The value {v} needs more than 19 significant digits or {BatchLimits.MaxScale} decimals; send fewer digits."));
        }

        var unit = o.RequiredString("unit");
        if (unit is { Length: > MaxUnitLength })
        {
            o.Error("unit", string.Create(CultureInfo.InvariantCulture, $"At most {MaxUnitLength} characters."));
        }

        var seqValue = o.OptionalDecimal("seq");
        long? seq = null;
        if (seqValue is { } s)
        {
            if (s < 0 || s != decimal.Truncate(s) || s > long.MaxValue)
            {
                o.Error("seq", "Expected a whole number from 0 to 2^63-1.");
            }
            else
            {
                seq = (long)s;
            }
        }

        o.RejectUnknownMembers();
        return errors.Count > before ? null : new ThirdPartyReading(deviceId!, channel!, time, mantissa, scale, unit!, seq);
    }

    private static string? Id(StrictJsonObject o, string name)
    {
        var id = o.RequiredString(name);
        if (id is not null && (Encoding.UTF8.GetByteCount(id) > BatchLimits.MaxIdBytes || id.Any(char.IsControl)))
        {
            o.Error(name, string.Create(CultureInfo.InvariantCulture, $"At most {BatchLimits.MaxIdBytes} UTF-8 bytes without control characters."));
            return null;
        }

        return id;
    }

    /// <summary>Splits a decimal into mantissa × 10^-scale with a 64-bit mantissa and scale 0 to 18.</summary>
    public static bool TrySplit(decimal value, out long mantissa, out int scale)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        scale = (bits[3] >> 16) & 0xFF;
        var magnitude = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        mantissa = 0;
        if (bits[2] != 0 || magnitude > long.MaxValue || scale > BatchLimits.MaxScale)
        {
            return false;
        }

        mantissa = bits[3] < 0 ? -(long)magnitude : (long)magnitude;
        return true;
    }

    private static List<JsonPathError> Cap(List<JsonPathError> errors)
    {
        if (errors.Count <= MaxListedErrors)
        {
            return errors;
        }

        var capped = errors.Take(MaxListedErrors).ToList();
        capped.Add(new JsonPathError("$", string.Create(CultureInfo.InvariantCulture, $"{errors.Count - MaxListedErrors} more errors are not listed.")));
        return capped;
    }
}
