namespace Edge.Uplink.Binary;

/// <summary>Reads one channel run: its names, scale, count and five columns (BATCH-FORMAT.md, "Channel run").</summary>
internal static class ChannelDecoder
{
    public static ChannelRun Read(ref ByteReader reader, int index, int maxReadings, bool deviceTimes, ref int readings)
    {
        var location = reader.Location;
        location.Channel($"#{index}");
        location.Part("name");
        var channel = reader.ReadString("channel name", BatchLimits.MaxIdBytes, allowEmpty: false);
        location.Channel(channel);
        location.Part("unit");
        var unit = reader.ReadString("unit", BatchLimits.MaxIdBytes, allowEmpty: true);
        location.Part("scale");
        var scale = reader.ReadUVarint();
        if (scale > BatchLimits.MaxScale)
        {
            throw reader.Error($"scale {scale} is outside 0..{BatchLimits.MaxScale}");
        }

        location.Part("point count");
        var count = reader.ReadUVarint();
        if (count > (ulong)(maxReadings - readings))
        {
            throw reader.Error($"point count {count} takes the batch over the limit of {maxReadings} readings");
        }

        var n = (int)count;
        readings += n;
        var points = new ReadingPoint[n];
        unchecked
        {
            location.Part("seq column");
            var seq = new ZeroRunReader(n);
            for (var i = 0; i < n; i++)
            {
                var v = seq.Next(ref reader);
                points[i] = points[i] with { Seq = i == 0 ? v : points[i - 1].Seq + v + 1 };
            }

            location.Part("times column");
            var times = new ZeroRunReader(n);
            long delta = 0;
            for (var i = 0; i < n; i++)
            {
                var v = times.Next(ref reader);
                var t = i == 0 ? v : points[i - 1].ObservedUnixMs + (delta = i == 1 ? v : delta + v);
                if (t is < BatchLimits.MinUnixMs or > BatchLimits.MaxUnixMs)
                {
                    throw reader.Error($"observed time of point {i} is outside years 0001-9999");
                }

                points[i] = points[i] with { ObservedUnixMs = t };
            }

            location.Part("values column");
            var values = new ZeroRunReader(n);
            for (var i = 0; i < n; i++)
            {
                var v = values.Next(ref reader);
                points[i] = points[i] with { Mantissa = i == 0 ? v : points[i - 1].Mantissa + v };
            }
        }

        location.Part("clock quality column");
        for (var i = 0; i < n;)
        {
            var quality = reader.ReadUVarint();
            if (quality > (ulong)ClockQuality.Gnss)
            {
                throw reader.Error($"clock quality {quality} is undefined");
            }

            var end = i + ReadRun(ref reader, n - i);
            for (; i < end; i++)
            {
                points[i] = points[i] with { ClockQuality = (ClockQuality)quality };
            }
        }

        location.Part("flags column");
        for (var i = 0; i < n;)
        {
            var flags = reader.ReadSVarint();
            if (flags is < int.MinValue or > int.MaxValue)
            {
                throw reader.Error($"flags {flags} do not fit in 32 bits");
            }

            var end = i + ReadRun(ref reader, n - i);
            for (; i < end; i++)
            {
                points[i] = points[i] with { Flags = (int)flags };
            }
        }

        if (deviceTimes)
        {
            ReadDeviceTimes(ref reader, points);
        }

        location.Channel(null);
        return new ChannelRun(channel, unit, (int)scale, points);
    }

    /// <summary>Device-time columns (header flags bit 2): presence runs, then delta-coded device − observed offsets.</summary>
    private static void ReadDeviceTimes(ref ByteReader reader, ReadingPoint[] points)
    {
        var location = reader.Location;
        location.Part("device time presence column");
        var n = points.Length;
        var present = new bool[n];
        var count = 0;
        for (var i = 0; i < n;)
        {
            var flag = reader.ReadUVarint();
            if (flag > 1)
            {
                throw reader.Error($"device time presence {flag} is not 0 or 1");
            }

            var end = i + ReadRun(ref reader, n - i);
            for (; i < end; i++)
            {
                present[i] = flag == 1;
                count += (int)flag;
            }
        }

        location.Part("device time column");
        var offsets = new ZeroRunReader(count);
        long offset = 0;
        var first = true;
        for (var i = 0; i < n; i++)
        {
            if (!present[i])
            {
                continue;
            }

            var v = offsets.Next(ref reader);
            offset = first ? v : unchecked(offset + v);
            first = false;
            var device = unchecked(points[i].ObservedUnixMs + offset);
            if (device is < BatchLimits.MinUnixMs or > BatchLimits.MaxUnixMs)
            {
                throw reader.Error($"device time of point {i} is outside years 0001-9999");
            }

            points[i] = points[i] with { DeviceUnixMs = device };
        }
    }

    private static int ReadRun(ref ByteReader reader, int remaining)
    {
        var run = reader.ReadUVarint();
        if (run == 0)
        {
            throw reader.Error("run of length 0");
        }

        if (run > (ulong)remaining)
        {
            throw reader.Error($"run of {run} overruns the {remaining} remaining points");
        }

        return (int)run;
    }
}
