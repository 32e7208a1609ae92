using System.Globalization;
using Edge.Firmware.Frames;

namespace Edge.Field.Decoding;

/// <summary>Prints a decoded frame as a plain table for a terminal.</summary>
public static class FrameTextWriter
{
    private static readonly string[] _headers = ["#", "time (UTC)", "channel", "value", "seq", "clock", "flags"];

    /// <summary>Writes <paramref name="frame"/> to <paramref name="output"/>.</summary>
    public static void Write(SenmlFrame frame, TextWriter output)
    {
        var header = frame.Header;
        output.WriteLine($"device     {FrameText.Printable(header.DeviceId)}");
        output.WriteLine($"base name  {FrameText.Printable(header.BaseName)}");
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"base time  {FormatTime(DateTimeOffset.FromUnixTimeSeconds(header.BaseTime))} (bt {header.BaseTime})"));
        output.WriteLine($"base unit  {(header.BaseUnit is null ? "(none)" : FrameText.Printable(header.BaseUnit))}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"records    {frame.Records.Count}"));
        output.WriteLine();

        var rows = new List<string[]> { _headers };
        foreach (var record in frame.Records)
        {
            rows.Add(
            [
                record.Index.ToString(CultureInfo.InvariantCulture),
                FormatTime(record.Observed),
                FrameText.Printable(record.Channel),
                record.Unit.Length == 0 ? record.Value.ToString() : $"{record.Value} {FrameText.Printable(record.Unit)}",
                record.Seq.ToString(CultureInfo.InvariantCulture),
                record.ClockQualityText,
                record.Flags == 0 ? "-" : string.Join(",", FrameFlags.Names(record.Flags)),
            ]);
        }

        var widths = new int[_headers.Length];
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        foreach (var row in rows)
        {
            var cells = row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]));
            output.WriteLine(string.Join("  ", cells).TrimEnd());
        }
    }

    /// <summary>ISO-8601 UTC with seconds, e.g. 2025-11-25T00:00:00Z.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
