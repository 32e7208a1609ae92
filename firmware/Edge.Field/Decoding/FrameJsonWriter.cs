using System.Text;
using System.Text.Json;
using Edge.Firmware.Frames;

namespace Edge.Field.Decoding;

/// <summary>Prints a decoded frame as JSON (<c>decode --json</c>), for scripts and bug reports.</summary>
public static class FrameJsonWriter
{
    /// <summary>Writes <paramref name="frame"/> as an indented JSON object to <paramref name="output"/>.</summary>
    public static void Write(SenmlFrame frame, TextWriter output)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            var header = frame.Header;
            json.WriteString("deviceId", header.DeviceId);
            json.WriteString("baseName", header.BaseName);
            json.WriteNumber("baseTime", header.BaseTime);
            json.WriteString("baseTimeUtc", FrameTextWriter.FormatTime(DateTimeOffset.FromUnixTimeSeconds(header.BaseTime)));
            if (header.BaseUnit is null)
            {
                json.WriteNull("baseUnit");
            }
            else
            {
                json.WriteString("baseUnit", header.BaseUnit);
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

    private static void WriteRecord(Utf8JsonWriter json, FrameRecord record)
    {
        json.WriteStartObject();
        json.WriteNumber("index", record.Index);
        json.WriteString("time", FrameTextWriter.FormatTime(record.Observed));
        json.WriteNumber("t", record.TimeOffset);
        json.WriteString("channel", record.Channel);

        // The exact decimal the device sent (e.g. 1234.567), not the nearest double.
        json.WritePropertyName("value");
        json.WriteRawValue(record.Value.ToString());
        json.WriteString("unit", record.Unit);
        json.WriteNumber("seq", record.Seq);
        json.WriteString("clockQuality", record.ClockQualityText);
        json.WriteNumber("flags", record.Flags);
        json.WriteStartArray("flagNames");
        foreach (var name in FrameFlags.Names(record.Flags))
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
