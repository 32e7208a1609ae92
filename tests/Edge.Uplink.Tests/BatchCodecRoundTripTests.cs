using Edge.Uplink.Tests.Support;

namespace Edge.Uplink.Tests;

public sealed class BatchCodecRoundTripTests
{
    public static TheoryData<string> Samples => ["tiny", "hourly", "awkward", "only-gaps", "empty"];

    private static Batch Sample(string name) => name switch
    {
        "tiny" => SampleBatches.Tiny(),
        "hourly" => SampleBatches.Hourly(meters: 50, hours: 24),
        "awkward" => SampleBatches.Awkward(),
        "only-gaps" => SampleBatches.OnlyGaps(),
        "empty" => new Batch("gw1", 1, 0, [], [], []),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Decode_CompressedSample_ReturnsSameBatch(string name)
    {
        var batch = Sample(name);

        var decoded = BatchCodec.Decode(BatchCodec.Encode(batch));

        BatchAssert.Equal(batch, decoded);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Decode_UncompressedSample_ReturnsSameBatch(string name)
    {
        var batch = Sample(name);

        var decoded = BatchCodec.Decode(BatchCodec.Encode(batch, new BatchEncodeOptions { Compress = false }));

        BatchAssert.Equal(batch, decoded);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(22)]
    public void Decode_AnyCompressionLevel_ReturnsSameBatch(int level)
    {
        var batch = SampleBatches.Hourly(meters: 20, hours: 48, seed: level);

        var decoded = BatchCodec.Decode(BatchCodec.Encode(batch, new BatchEncodeOptions { CompressionLevel = level }));

        BatchAssert.Equal(batch, decoded);
    }

    [Fact]
    public void Decode_EmptyChannelWithScale_KeepsScale()
    {
        var batch = new Batch("gw1", 1, 0, [new DeviceRun("d", [new ChannelRun("t", "Cel", 7, [])])], [], []);

        var decoded = BatchCodec.Decode(BatchCodec.Encode(batch));

        Assert.Equal(7, decoded.Devices[0].Channels[0].Scale);
        Assert.Empty(decoded.Devices[0].Channels[0].Points);
    }

    [Fact]
    public void Decode_RandomColumns_ReturnsSameBatch()
    {
        // Values chosen to hit every varint length and every sign of delta and delta-of-delta.
        var random = new Random(42);
        var points = new ReadingPoint[500];
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = new ReadingPoint(
                random.NextInt64(long.MinValue, long.MaxValue),
                random.NextInt64(BatchLimits.MinUnixMs, BatchLimits.MaxUnixMs + 1),
                random.NextInt64(long.MinValue, long.MaxValue) >> random.Next(0, 64),
                (ClockQuality)random.Next(0, 4),
                random.Next(int.MinValue, int.MaxValue));
        }

        var batch = new Batch("gw1", 9, 0, [new DeviceRun("d", [new ChannelRun("x", "", 5, points)])], [], []);

        BatchAssert.Equal(batch, BatchCodec.Decode(BatchCodec.Encode(batch)));
    }

    [Fact]
    public void Encode_HourlyMeterData_IsFarSmallerThanEightBytesPerReading()
    {
        // 50 meters x 24 hourly readings with consecutive seqs and steady times: the columns reduce seq and
        // time to zero runs, so the whole batch must cost well under one 8-byte value per reading.
        var batch = SampleBatches.Hourly(meters: 50, hours: 24);

        var encoded = BatchCodec.Encode(batch);

        Assert.True(encoded.Length < 50 * 24 * 2, $"{encoded.Length} bytes for 1200 readings");
    }

    [Fact]
    public void Encode_InvalidBatch_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => BatchCodec.Encode(new Batch("", 1, 0, [], [], [])));
        Assert.Throws<ArgumentException>(() => BatchCodec.Encode(new Batch("gw", -1, 0, [], [], [])));
        Assert.Throws<ArgumentException>(() => BatchCodec.Encode(new Batch("gw", 1, BatchLimits.MaxUnixMs + 1, [], [], [])));
        Assert.Throws<ArgumentException>(() => BatchCodec.Encode(new Batch("gw", 1, 0,
            [new DeviceRun("d", [new ChannelRun("c", "", 19, [])])], [], [])));
        Assert.Throws<ArgumentException>(() => BatchCodec.Encode(new Batch("gw", 1, 0,
            [new DeviceRun("d", [new ChannelRun("c", "", 0, [new ReadingPoint(1, 0, 0, (ClockQuality)9, 0)])])], [], [])));
        Assert.Throws<ArgumentException>(() => BatchCodec.Encode(new Batch("gw", 1, 0, [], [], [new GapRecord([], 10, 9, 0, "x")])));
        Assert.Throws<ArgumentException>(() => BatchCodec.Encode(new Batch(new string('g', 257), 1, 0, [], [], [])));
        Assert.Throws<ArgumentException>(() => BatchCodec.Encode(new Batch("gw\uD800", 1, 0, [], [], [])));
    }
}
