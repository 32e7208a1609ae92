using Edge.Uplink;

namespace Edge.Benchmarks.UplinkSize;

/// <summary>
/// Cuts the fleet's readings into encoded batches as a gateway does: readings in arrival order (hour by hour,
/// meter by meter), each batch holding as many as fit into <c>maxBytes</c> once encoded.
/// </summary>
internal sealed class BatchPacker(MeterSeries[] fleet, DateTimeOffset startUtc, BatchEncodeOptions encodeOptions)
{
    private const string GatewayId = "gw-tokyo-0001";
    private readonly long _startUnixMs = startUtc.ToUnixTimeMilliseconds();
    private long _sequence;

    private int Total => fleet.Length * fleet[0].RegisterLitres.Length;

    /// <summary>The batches that carry every reading in arrival order, each at most <paramref name="maxBytes"/> encoded.</summary>
    public List<SizedBatch> PackBySize(int maxBytes)
    {
        var sizes = new List<SizedBatch>();
        for (var from = 0; from < Total;)
        {
            var remaining = Total - from;

            // Grow by doubling while it fits, then binary-search the largest count that fits.
            var fits = 0;
            var fitSize = 0;
            var probe = Math.Min(remaining, 1024);
            int probeSize;
            while ((probeSize = EncodedSize(from, probe)) <= maxBytes)
            {
                (fits, fitSize) = (probe, probeSize);
                if (probe == remaining)
                {
                    break;
                }

                probe = Math.Min(remaining, probe * 2);
            }

            var tooMany = fits == remaining ? remaining + 1 : probe;
            while (tooMany - fits > 1)
            {
                var mid = fits + ((tooMany - fits) / 2);
                var size = EncodedSize(from, mid);
                (fits, fitSize, tooMany) = size <= maxBytes ? (mid, size, tooMany) : (fits, fitSize, mid);
            }

            if (fits == 0)
            {
                throw new InvalidOperationException($"one reading does not fit into {maxBytes} bytes");
            }

            sizes.Add(new SizedBatch(fitSize, fits));
            from += fits;
        }

        return sizes;
    }

    /// <summary>Encoded sizes of one batch per hour (all meters' readings of that hour).</summary>
    public List<int> PackByHour(BatchEncodeOptions options) =>
        Enumerable.Range(0, fleet[0].RegisterLitres.Length).Select(h => BatchCodec.Encode(HourBatch(h), options).Length).ToList();

    /// <summary>The batch of all meters' readings of hour <paramref name="hour"/>.</summary>
    public Batch HourBatch(int hour) => Build(hour * fleet.Length, fleet.Length);

    private int EncodedSize(int from, int count) => BatchCodec.Encode(Build(from, count), encodeOptions).Length;

    /// <summary>The batch of readings [from, from + count) in arrival order: reading k is hour k / meters, meter k % meters.</summary>
    private Batch Build(int from, int count)
    {
        var perMeter = new List<ReadingPoint>?[fleet.Length];
        var lastTime = 0L;
        for (var k = from; k < from + count; k++)
        {
            var hour = k / fleet.Length;
            var meter = fleet[k % fleet.Length];
            lastTime = _startUnixMs + (hour * 3_600_000L);
            (perMeter[k % fleet.Length] ??= []).Add(new ReadingPoint(
                meter.FirstSeq + hour, lastTime, meter.RegisterLitres[hour], ClockQuality.Ntp, 0));
        }

        var devices = new List<DeviceRun>();
        for (var m = 0; m < fleet.Length; m++)
        {
            if (perMeter[m] is { } points)
            {
                devices.Add(new DeviceRun(fleet[m].DeviceId, [new ChannelRun("volume", "l", 0, points)]));
            }
        }

        return new Batch(GatewayId, ++_sequence, lastTime + 5_000, devices, [], []);
    }
}
