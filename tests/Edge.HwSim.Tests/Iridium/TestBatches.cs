using Edge.Gateway.Links;
using Edge.Uplink;

namespace Edge.HwSim.Tests.Iridium;

/// <summary>Encoded batches of hourly water-meter readings, made up for each test.</summary>
public static class TestBatches
{
    // 2026-06-01T00:00Z: in the past for the ingest, whatever the test machine's clock says (after 2026-11).
    private const long StartMs = 1_780_272_000_000;
    private const long HourMs = 3_600_000;

    /// <summary>
    /// Batch <paramref name="sequence"/>: <paramref name="devices"/> meters with <paramref name="readings"/> readings each,
    /// seqs <c>firstSeq</c>.., volumes rising by random amounts (so the encoding stays large), uncompressed.
    /// </summary>
    public static OutboundBatch Build(string gatewayId, long sequence, string devicePrefix, int devices, int readings, long firstSeq, int seed)
    {
        var random = new Random(seed);
        var runs = new List<DeviceRun>();
        for (var d = 0; d < devices; d++)
        {
            var points = new List<ReadingPoint>();
            long volume = random.Next(1_000_000);
            for (var i = 0; i < readings; i++)
            {
                volume += random.Next(1, 60_000);
                var seq = firstSeq + i;
                points.Add(new ReadingPoint(seq, StartMs + (seq * HourMs), volume, ClockQuality.Ntp, 0));
            }

            runs.Add(new DeviceRun(DeviceId(devicePrefix, d), [new ChannelRun("volume", "l", 3, points)]));
        }

        var batch = new Batch(gatewayId, sequence, StartMs + (firstSeq * HourMs), runs, [], []);
        return new OutboundBatch(sequence, BatchCodec.Encode(batch, new BatchEncodeOptions { Compress = false }));
    }

    public static string DeviceId(string prefix, int index) => $"{prefix}-{index:D2}";
}
