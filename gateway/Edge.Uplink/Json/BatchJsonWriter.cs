using System.Text.Encodings.Web;
using System.Text.Json;

namespace Edge.Uplink.Json;

/// <summary>Writes the JSON rendering of a validated batch (BATCH-FORMAT.md, "JSON form").</summary>
internal static class BatchJsonWriter
{
    private static readonly JsonWriterOptions _options = new()
    {
        Indented = true,

        // Readable device ids and texts (e.g. Japanese) instead of \uXXXX; the output is JSON, not HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Batch batch)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, _options))
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteString("gatewayId", batch.GatewayId);
            json.WriteNumber("sequence", batch.Sequence);
            json.WriteString("createdAt", IsoTime.Format(batch.CreatedUnixMs));
            json.WriteStartArray("devices");
            foreach (var device in batch.Devices)
            {
                WriteDevice(json, device);
            }

            json.WriteEndArray();
            json.WriteStartArray("events");
            foreach (var ev in batch.Events)
            {
                json.WriteStartObject();
                json.WriteString("deviceId", ev.DeviceId);
                json.WriteString("observedAt", IsoTime.Format(ev.ObservedUnixMs));
                json.WriteString("kind", ev.Kind);
                if (ev.Detail is not null)
                {
                    json.WriteString("detail", ev.Detail);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("gaps");
            foreach (var gap in batch.Gaps)
            {
                WriteGap(json, gap);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static void WriteDevice(Utf8JsonWriter json, DeviceRun device)
    {
        json.WriteStartObject();
        json.WriteString("deviceId", device.DeviceId);
        json.WriteStartArray("channels");
        foreach (var run in device.Channels)
        {
            json.WriteStartObject();
            json.WriteString("channel", run.Channel);
            json.WriteString("unit", run.Unit);
            json.WriteStartArray("points");
            foreach (var point in run.Points)
            {
                json.WriteStartObject();
                json.WriteNumber("seq", point.Seq);
                json.WriteString("observedAt", IsoTime.Format(point.ObservedUnixMs));
                json.WritePropertyName("value");
                json.WriteRawValue(DecimalText.Format(point.Mantissa, run.Scale), skipInputValidation: true);
                json.WriteString("clockQuality", ClockQualityText.Format(point.ClockQuality));
                json.WriteNumber("flags", point.Flags);
                if (point.DeviceUnixMs is { } deviceMs)
                {
                    json.WriteString("deviceTime", IsoTime.Format(deviceMs));
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteGap(Utf8JsonWriter json, GapRecord gap)
    {
        json.WriteStartObject();
        json.WriteStartArray("deviceIds");
        foreach (var id in gap.DeviceIds)
        {
            json.WriteStringValue(id);
        }

        json.WriteEndArray();
        json.WriteString("from", IsoTime.Format(gap.FromUnixMs));
        json.WriteString("to", IsoTime.Format(gap.ToUnixMs));
        json.WriteNumber("count", gap.Count);
        json.WriteString("reason", gap.Reason);
        json.WriteEndObject();
    }
}
