using System.Globalization;
using Edge.Ingest.Normalisation;

namespace Edge.Ingest.Export;

/// <summary>
/// The billing CSV (RFC 4180: comma-separated, CRLF line ends, a header line, fields with a comma, quote, CR or LF
/// enclosed in double quotes with inner quotes doubled). Columns, in order:
/// <list type="table">
/// <item><term>meter_id</term><description>device id of the meter</description></item>
/// <item><term>period_start</term><description>RFC 3339 date-time in the billing zone (e.g. 2026-06-01T00:00:00+09:00), inclusive</description></item>
/// <item><term>period_end</term><description>RFC 3339 date-time in the billing zone, exclusive</description></item>
/// <item><term>start_register_m3</term><description>register at the start, m³; empty when unknown</description></item>
/// <item><term>end_register_m3</term><description>register at the end, m³; empty when unknown</description></item>
/// <item><term>volume_m3</term><description>signed volume, m³, exact decimal; empty for a gap (never estimated)</description></item>
/// <item><term>quality</term><description>good, estimated, suspect, or missing for a gap</description></item>
/// <item><term>quality_reason</term><description>why the quality is not good, or why the volume is missing</description></item>
/// </list>
/// Numbers use a dot and no thousands separators; the file is UTF-8 without BOM (the writer's encoding decides).
/// </summary>
public static class BillingCsv
{
    /// <summary>The header line, without its line end.</summary>
    public const string Header = "meter_id,period_start,period_end,start_register_m3,end_register_m3,volume_m3,quality,quality_reason";

    private const string LineEnd = "\r\n";

    /// <summary>Writes the header and one line per row, times shown in <paramref name="zone"/>.</summary>
    public static void Write(TextWriter writer, IEnumerable<BillingRow> rows, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(zone);
        writer.Write(Header);
        writer.Write(LineEnd);
        foreach (var row in rows)
        {
            var i = row.Interval;
            string[] fields =
            [
                row.MeterId,
                Time(i.Start, zone),
                Time(i.End, zone),
                Number(i.StartRegister?.ValueM3),
                Number(i.EndRegister?.ValueM3),
                Number(i.VolumeM3),
                i.IsGap ? "missing" : QualityName(i.Quality.Quality),
                i.IsGap ? i.GapReason ?? "" : i.Quality.Reason ?? "",
            ];
            writer.Write(string.Join(',', fields.Select(Field)));
            writer.Write(LineEnd);
        }
    }

    /// <summary>The whole CSV as a string (for small exports and tests).</summary>
    public static string ToCsv(IEnumerable<BillingRow> rows, TimeZoneInfo zone)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(writer, rows, zone);
        return writer.ToString();
    }

    /// <summary>A field as RFC 4180 §2 rules 5-7 want it: quoted only when it must be.</summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    /// <summary>Wire name of a quality.</summary>
    public static string QualityName(ReadingQuality quality) => quality switch
    {
        ReadingQuality.Good => "good",
        ReadingQuality.Estimated => "estimated",
        _ => "suspect",
    };

    private static string Time(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";
}
