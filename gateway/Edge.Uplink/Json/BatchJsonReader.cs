using System.Text.Json;

namespace Edge.Uplink.Json;

/// <summary>Parses and validates the JSON rendering of a batch (BATCH-FORMAT.md, "JSON form").</summary>
internal static class BatchJsonReader
{
    private static readonly JsonDocumentOptions _options = new() { MaxDepth = 16, AllowDuplicateProperties = false };

    public static Batch Read(string json, int maxReadings)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, _options);
        }
        catch (JsonException ex)
        {
            throw new BatchFormatException($"JSON batch: not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = new JsonFields(document.RootElement, "");
            var version = root.Int64("version");
            if (version != 1)
            {
                throw JsonFields.Error("version", $"unsupported batch format version {version}");
            }

            var gatewayId = root.String("gatewayId", BatchLimits.MaxIdBytes, allowEmpty: false);
            var sequence = root.Int64("sequence");
            if (sequence < 0)
            {
                throw JsonFields.Error("sequence", "batch sequence is negative");
            }

            var created = root.Time("createdAt");
            var readings = 0;
            var devices = new List<DeviceRun>();
            foreach (var device in root.Array("devices", BatchLimits.MaxDevices))
            {
                devices.Add(ReadDevice(new JsonFields(device, $"devices[{devices.Count}]"), maxReadings, ref readings));
            }

            var events = new List<BatchEvent>();
            foreach (var element in root.Array("events", BatchLimits.MaxEvents, optional: true))
            {
                var ev = new JsonFields(element, $"events[{events.Count}]");
                events.Add(new BatchEvent(
                    ev.String("deviceId", BatchLimits.MaxIdBytes, allowEmpty: false),
                    ev.Time("observedAt"),
                    ev.String("kind", BatchLimits.MaxIdBytes, allowEmpty: false),
                    ev.OptionalString("detail", BatchLimits.MaxTextBytes)));
            }

            var gaps = new List<GapRecord>();
            foreach (var element in root.Array("gaps", BatchLimits.MaxGaps, optional: true))
            {
                gaps.Add(ReadGap(new JsonFields(element, $"gaps[{gaps.Count}]")));
            }

            return new Batch(gatewayId, sequence, created, devices, events, gaps);
        }
    }

    private static DeviceRun ReadDevice(JsonFields device, int maxReadings, ref int readings)
    {
        var deviceId = device.String("deviceId", BatchLimits.MaxIdBytes, allowEmpty: false);
        var channels = new List<ChannelRun>();
        foreach (var element in device.Array("channels", BatchLimits.MaxChannelsPerDevice))
        {
            channels.Add(ChannelJsonReader.Read(new JsonFields(element, device.Path($"channels[{channels.Count}]")), maxReadings, ref readings));
        }

        return new DeviceRun(deviceId, channels);
    }

    private static GapRecord ReadGap(JsonFields gap)
    {
        var ids = new List<string>();
        foreach (var id in gap.Array("deviceIds", BatchLimits.MaxGapDeviceIds))
        {
            var path = gap.Path($"deviceIds[{ids.Count}]");
            ids.Add(id.ValueKind == JsonValueKind.String
                ? JsonFields.CheckText(JsonFields.Text(id, path), path, BatchLimits.MaxIdBytes, allowEmpty: false)
                : throw JsonFields.Error(path, $"expected String, found {id.ValueKind}"));
        }

        var from = gap.Time("from");
        var to = gap.Time("to");
        if (to < from)
        {
            throw JsonFields.Error(gap.Path("to"), "gap ends before it starts");
        }

        var count = gap.Int64("count");
        if (count < 0)
        {
            throw JsonFields.Error(gap.Path("count"), "lost reading count is negative");
        }

        return new GapRecord(ids, from, to, count, gap.String("reason", BatchLimits.MaxTextBytes, allowEmpty: false));
    }
}
