namespace Edge.Uplink.Binary;

/// <summary>Reads an uncompressed body (BATCH-FORMAT.md, "Body") from untrusted bytes.</summary>
internal static class BodyDecoder
{
    public static (DeviceRun[] Devices, BatchEvent[] Events, GapRecord[] Gaps) Decode(ReadOnlySpan<byte> body, int maxReadings, bool deviceTimes)
    {
        var location = new DecodeLocation();
        var reader = new ByteReader(body, location);

        location.Section("device list");
        var devices = new DeviceRun[ReadListCount(ref reader, "device count", BatchLimits.MaxDevices)];
        var readings = 0;
        for (var d = 0; d < devices.Length; d++)
        {
            location.Item(d);
            var deviceId = reader.ReadString("device id", BatchLimits.MaxIdBytes, allowEmpty: false);
            location.DeviceId(deviceId);
            var channels = new ChannelRun[ReadListCount(ref reader, "channel count", BatchLimits.MaxChannelsPerDevice)];
            for (var c = 0; c < channels.Length; c++)
            {
                channels[c] = ChannelDecoder.Read(ref reader, c, maxReadings, deviceTimes, ref readings);
            }

            devices[d] = new DeviceRun(deviceId, channels);
        }

        location.Section("events");
        var events = new BatchEvent[ReadListCount(ref reader, "event count", BatchLimits.MaxEvents)];
        for (var e = 0; e < events.Length; e++)
        {
            location.Item(e);
            var deviceId = reader.ReadString("device id", BatchLimits.MaxIdBytes, allowEmpty: false);
            location.DeviceId(deviceId);
            var observed = ReadTime(ref reader, "observed time");
            var kind = reader.ReadString("kind", BatchLimits.MaxIdBytes, allowEmpty: false);
            var detail = reader.ReadOptionalString("detail", BatchLimits.MaxTextBytes);
            events[e] = new BatchEvent(deviceId, observed, kind, detail);
        }

        location.Section("gap records");
        var gaps = new GapRecord[ReadListCount(ref reader, "gap record count", BatchLimits.MaxGaps)];
        for (var g = 0; g < gaps.Length; g++)
        {
            location.Item(g);
            var ids = new string[ReadListCount(ref reader, "device id count", BatchLimits.MaxGapDeviceIds)];
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = reader.ReadString("device id", BatchLimits.MaxIdBytes, allowEmpty: false);
            }

            var from = ReadTime(ref reader, "start time");
            var duration = reader.ReadUVarint();
            if (duration > (ulong)(BatchLimits.MaxUnixMs - from))
            {
                throw reader.Error("gap end time is outside years 0001-9999");
            }

            var count = reader.ReadNonNegativeInt64("lost reading count");
            var reason = reader.ReadString("reason", BatchLimits.MaxTextBytes, allowEmpty: false);
            gaps[g] = new GapRecord(ids, from, from + (long)duration, count, reason);
        }

        if (reader.Remaining != 0)
        {
            throw new BatchFormatException($"{reader.Remaining} trailing bytes after the gap records in the batch body");
        }

        return (devices, events, gaps);
    }

    /// <summary>A list count: within its limit and no larger than the bytes left (every item takes ≥ 1 byte).</summary>
    public static int ReadListCount(ref ByteReader reader, string what, int max)
    {
        var count = reader.ReadCount(what, max);
        if (count > reader.Remaining)
        {
            throw reader.Error($"{what} {count} exceeds the {reader.Remaining} bytes left");
        }

        return count;
    }

    public static long ReadTime(ref ByteReader reader, string what)
    {
        var value = reader.ReadSVarint();
        if (value is < BatchLimits.MinUnixMs or > BatchLimits.MaxUnixMs)
        {
            throw reader.Error($"{what} {value} ms is outside years 0001-9999");
        }

        return value;
    }
}
