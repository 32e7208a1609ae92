using System.Globalization;

namespace Edge.Field.Decoding;

/// <summary>Prints a decoded frame as a plain table for a terminal.</summary>
public static class FrameTextWriter
{
    private static readonly string[] _headers = ["#", "time (UTC)", "channel", "value", "seq", "clock", "flags"];

    /// <summary>Writes <paramref name="frame"/> to <paramref name="output"/>.</summary>
    public static void Write(DecodedFrame frame, TextWriter output)
    {
        output.WriteLine($"device     {CborWords.Printable(frame.DeviceId)}");
        output.WriteLine($"base name  {CborWords.Printable(frame.BaseName)}");
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture, $"base time  {FormatTime(DateTimeOffset.FromUnixTimeSeconds(frame.BaseTime))} (bt {frame.BaseTime})"));
        output.WriteLine($"base unit  {(frame.BaseUnit is null ? "(none)" : CborWords.Printable(frame.BaseUnit))}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"records    {frame.Records.Count}"));
        output.WriteLine();

        var rows = new List<string[]> { _headers };
        foreach (var record in frame.Records)
        {
            rows.Add(
            [
                record.Index.ToString(CultureInfo.InvariantCulture),
                FormatTime(record.Time),
                CborWords.Printable(record.Channel),
                record.Unit.Length == 0 ? record.Value.ToString() : $"{record.Value} {CborWords.Printable(record.Unit)}",
                record.Seq.ToString(CultureInfo.InvariantCulture),
                record.ClockQuality,
                record.Flags == 0 ? "-" : string.Join(",", record.FlagNames),
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
