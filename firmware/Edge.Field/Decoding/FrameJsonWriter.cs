using System.Text;
using System.Text.Json;

namespace Edge.Field.Decoding;

/// <summary>Prints a decoded frame as JSON (<c>decode --json</c>), for scripts and bug reports.</summary>
public static class FrameJsonWriter
{
    /// <summary>Writes <paramref name="frame"/> as an indented JSON object to <paramref name="output"/>.</summary>
    public static void Write(DecodedFrame frame, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("deviceId", frame.DeviceId);
            json.WriteString("baseName", frame.BaseName);
            json.WriteNumber("baseTime", frame.BaseTime);
            json.WriteString("baseTimeUtc", FrameTextWriter.FormatTime(DateTimeOffset.FromUnixTimeSeconds(frame.BaseTime)));
            if (frame.BaseUnit is null)
            {
                json.WriteNull("baseUnit");
            }
            else
            {
                json.WriteString("baseUnit", frame.BaseUnit);
            }

            json.WriteStartArray("records");
            foreach (var record in frame.Records)
            {
                WriteRecord(json, record);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteRecord(Utf8JsonWriter json, DecodedRecord record)
    {
        json.WriteStartObject();
        json.WriteNumber("index", record.Index);
        json.WriteString("time", FrameTextWriter.FormatTime(record.Time));
        json.WriteNumber("t", record.TimeOffsetSeconds);
        json.WriteString("channel", record.Channel);
        if (record.Value.IsInteger)
        {
            json.WriteNumber("value", record.Value.Integer);
        }
        else
        {
            json.WriteNumber("value", record.Value.Number);
        }

        json.WriteString("unit", record.Unit);
        json.WriteNumber("seq", record.Seq);
        json.WriteString("clockQuality", record.ClockQuality);
        json.WriteNumber("flags", record.Flags);
        json.WriteStartArray("flagNames");
        foreach (var name in record.FlagNames)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
