using Edge.Gateway.Store;
using Edge.Uplink;

namespace Edge.Gateway.Batching;

/// <summary>
/// Builds the <see cref="Batch"/> for a set of stored readings: one device run per device, one channel run
/// per (channel, unit), points in sequence order. A run's scale is the largest scale among its readings and
/// every mantissa is rescaled to it (1234 at scale 0 with 1234.5 at scale 1 become 12340 and 12345 at
/// scale 1). The result depends only on its inputs, so a batch rebuilt for a retry is the same batch.
/// </summary>
internal static class BatchBuilder
{
    private static readonly long[] _powersOfTen = CreatePowers();

    /// <summary>A batch of readings only.</summary>
    public static Batch Build(string gatewayId, long sequence, long createdUnixMs, IEnumerable<ReadingRecord> readings) =>
        Build(gatewayId, sequence, createdUnixMs, readings, [], []);

    /// <summary>
    /// A batch with readings, events and gap records. Events are ordered by (device, seq, kind), gap records
    /// keep the given order (the store's row order).
    /// </summary>
    public static Batch Build(
        string gatewayId, long sequence, long createdUnixMs, IEnumerable<ReadingRecord> readings, IEnumerable<EventRecord> events, IReadOnlyList<GapRecord> gaps)
    {
        var batchEvents = events
            .OrderBy(e => e.Device, StringComparer.Ordinal).ThenBy(e => e.Seq).ThenBy(e => e.Kind, StringComparer.Ordinal)
            .Select(e => new BatchEvent(e.Device, e.ObservedUnixMs, e.Kind, e.Detail))
            .ToList();
        var devices = new List<DeviceRun>();
        foreach (var device in readings.GroupBy(r => r.Device, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var runs = new List<ChannelRun>();
            var channels = device
                .GroupBy(r => (r.Channel, r.Unit))
                .OrderBy(g => g.Key.Channel, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Unit, StringComparer.Ordinal);
            foreach (var channel in channels)
            {
                runs.AddRange(Runs(channel.Key.Channel, channel.Key.Unit, [.. channel.OrderBy(r => r.Seq)]));
            }

            // The format caps channel runs per device run; a device with more simply gets further runs.
            foreach (var chunk in runs.Chunk(BatchLimits.MaxChannelsPerDevice))
            {
                devices.Add(new DeviceRun(device.Key, chunk));
            }
        }

        return new Batch(gatewayId, sequence, createdUnixMs, devices, batchEvents, gaps);
    }

    private static IEnumerable<ChannelRun> Runs(string channel, string unit, List<ReadingRecord> points)
    {
        var scale = points.Max(p => p.Scale);
        if (TryRescale(points, scale, out var rescaled))
        {
            return [new ChannelRun(channel, unit, scale, rescaled)];
        }

        // Rare: a large integer mantissa cannot take the run's largest scale without overflowing 64 bits.
        // Then each scale gets its own run, so every value stays exact.
        return points.GroupBy(p => p.Scale).OrderBy(g => g.Key).Select(g =>
        {
            TryRescale([.. g], g.Key, out var same);
            return new ChannelRun(channel, unit, g.Key, same);
        }).ToList();
    }

    private static bool TryRescale(List<ReadingRecord> points, int scale, out ReadingPoint[] rescaled)
    {
        rescaled = new ReadingPoint[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var factor = _powersOfTen[scale - p.Scale];
            long mantissa;
            try
            {
                mantissa = checked(p.Mantissa * factor);
            }
            catch (OverflowException)
            {
                return false;
            }

            rescaled[i] = new ReadingPoint(p.Seq, p.ObservedUnixMs, mantissa, p.ClockQuality, p.Flags, p.DeviceUnixMs);
        }

        return true;
    }

    private static long[] CreatePowers()
    {
        var powers = new long[BatchLimits.MaxScale + 1];
        powers[0] = 1;
        for (var i = 1; i < powers.Length; i++)
        {
            powers[i] = powers[i - 1] * 10;
        }

        return powers;
    }
}
