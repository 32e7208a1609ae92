namespace Edge.Uplink.Binary;

/// <summary>Writes the uncompressed body of a validated batch (BATCH-FORMAT.md, "Body").</summary>
internal static class BodyEncoder
{
    /// <summary>True when some reading carries a corrected time, so the body needs device-time columns.</summary>
    public static bool HasDeviceTimes(Batch batch)
    {
        foreach (var device in batch.Devices)
        {
            foreach (var run in device.Channels)
            {
                foreach (var point in run.Points)
                {
                    if (point.DeviceUnixMs is not null)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    public static byte[] Encode(Batch batch, bool deviceTimes)
    {
        var writer = new ByteWriter(1024);
        writer.WriteUVarint((ulong)batch.Devices.Count);
        foreach (var device in batch.Devices)
        {
            writer.WriteString(device.DeviceId);
            writer.WriteUVarint((ulong)device.Channels.Count);
            foreach (var run in device.Channels)
            {
                WriteChannel(writer, run, deviceTimes);
            }
        }

        writer.WriteUVarint((ulong)batch.Events.Count);
        foreach (var ev in batch.Events)
        {
            writer.WriteString(ev.DeviceId);
            writer.WriteSVarint(ev.ObservedUnixMs);
            writer.WriteString(ev.Kind);
            writer.WriteOptionalString(ev.Detail);
        }

        writer.WriteUVarint((ulong)batch.Gaps.Count);
        foreach (var gap in batch.Gaps)
        {
            writer.WriteUVarint((ulong)gap.DeviceIds.Count);
            foreach (var id in gap.DeviceIds)
            {
                writer.WriteString(id);
            }

            writer.WriteSVarint(gap.FromUnixMs);
            writer.WriteUVarint((ulong)(gap.ToUnixMs - gap.FromUnixMs));
            writer.WriteUVarint((ulong)gap.Count);
            writer.WriteString(gap.Reason);
        }

        return writer.ToArray();
    }

    private static void WriteChannel(ByteWriter writer, ChannelRun run, bool deviceTimes)
    {
        var points = run.Points;
        writer.WriteString(run.Channel);
        writer.WriteString(run.Unit);
        writer.WriteUVarint((ulong)run.Scale);
        writer.WriteUVarint((ulong)points.Count);

        // Arithmetic wraps (unchecked) on both sides, so every long round-trips exactly.
        unchecked
        {
            var seq = new ZeroRunWriter(writer);
            for (var i = 0; i < points.Count; i++)
            {
                seq.Add(i == 0 ? points[0].Seq : points[i].Seq - points[i - 1].Seq - 1);
            }

            seq.Complete();

            var times = new ZeroRunWriter(writer);
            for (var i = 0; i < points.Count; i++)
            {
                var t = points[i].ObservedUnixMs;
                times.Add(i switch
                {
                    0 => t,
                    1 => t - points[0].ObservedUnixMs,
                    _ => t - (2 * points[i - 1].ObservedUnixMs) + points[i - 2].ObservedUnixMs,
                });
            }

            times.Complete();

            var values = new ZeroRunWriter(writer);
            for (var i = 0; i < points.Count; i++)
            {
                values.Add(i == 0 ? points[0].Mantissa : points[i].Mantissa - points[i - 1].Mantissa);
            }

            values.Complete();
        }

        WriteRuns(writer, points, static p => (long)p.ClockQuality, signed: false);
        WriteRuns(writer, points, static p => p.Flags, signed: true);
        if (deviceTimes)
        {
            WriteDeviceTimes(writer, points);
        }
    }

    /// <summary>
    /// Device-time columns (header flags bit 2): which points carry one (run-length 0/1), then for those
    /// points device time − observed time, delta-coded, so a constant clock offset costs zero runs.
    /// </summary>
    private static void WriteDeviceTimes(ByteWriter writer, IReadOnlyList<ReadingPoint> points)
    {
        WriteRuns(writer, points, static p => p.DeviceUnixMs is null ? 0 : 1, signed: false);
        var offsets = new ZeroRunWriter(writer);
        long previous = 0;
        var first = true;
        unchecked
        {
            foreach (var p in points)
            {
                if (p.DeviceUnixMs is { } device)
                {
                    var offset = device - p.ObservedUnixMs;
                    offsets.Add(first ? offset : offset - previous);
                    previous = offset;
                    first = false;
                }
            }
        }

        offsets.Complete();
    }

    /// <summary>Run-length column: (value, run length ≥ 1) pairs until all points are covered.</summary>
    private static void WriteRuns(ByteWriter writer, IReadOnlyList<ReadingPoint> points, Func<ReadingPoint, long> select, bool signed)
    {
        var i = 0;
        while (i < points.Count)
        {
            var value = select(points[i]);
            var run = 1;
            while (i + run < points.Count && select(points[i + run]) == value)
            {
                run++;
            }

            if (signed)
            {
                writer.WriteSVarint(value);
            }
            else
            {
                writer.WriteUVarint((ulong)value);
            }

            writer.WriteUVarint((ulong)run);
            i += run;
        }
    }
}
