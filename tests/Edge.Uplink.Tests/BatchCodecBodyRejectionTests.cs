using static Edge.Uplink.Tests.Support.SpecBytes;

namespace Edge.Uplink.Tests;

/// <summary>Hand-built bodies (uncompressed, correct CRC) with one defect each.</summary>
public sealed class BatchCodecBodyRejectionTests
{
    // Two points, seq 1,2 / times 0, 1000 / values 5, 5 / gnss / flags 0: valid columns to vary.
    private static readonly byte[] _seq = [0x02, 0x00, 0x01];
    private static readonly byte[] _times = [0x00, 0x01, 0xD0, 0x0F]; // zero run of 1 (t0 = 0), then zz(1000)
    private static readonly byte[] _values = [0x0A, 0x00, 0x01];
    private static readonly byte[] _quality = [0x03, 0x02];
    private static readonly byte[] _flags = [0x00, 0x02];

    private static byte[] Body(byte[]? seq = null, byte[]? times = null, byte[]? values = null, byte[]? quality = null,
        byte[]? flags = null, byte count = 2, byte[]? tail = null) =>
        OneChannelBody([count, .. seq ?? _seq, .. times ?? _times, .. values ?? _values, .. quality ?? _quality, .. flags ?? _flags], tail);

    private static void AssertRejected(byte[] body, string expectedMessage, BatchDecodeOptions? options = null)
    {
        var ex = Assert.Throws<BatchFormatException>(() => BatchCodec.Decode(Uncompressed(body), options));
        Assert.Equal(expectedMessage, ex.Message);
    }

    [Fact]
    public void Decode_ValidHandBuiltBody_ReturnsPoints()
    {
        var batch = BatchCodec.Decode(Uncompressed(Body()));

        Assert.Equal(
            [new ReadingPoint(1, 0, 5, ClockQuality.Gnss, 0), new ReadingPoint(2, 1000, 5, ClockQuality.Gnss, 0)],
            batch.Devices[0].Channels[0].Points);
    }

    [Fact]
    public void Decode_TruncatedTimesColumn_NamesDeviceChannelAndColumn() =>
        AssertRejected(OneChannelBody([0x02, .. _seq, 0x00, 0x01, 0xD0], tail: []), "truncated in device 0 ('d1') channel 'volume' times column");

    [Fact]
    public void Decode_DeviceCountBeyondData_Rejected() =>
        AssertRejected([0x64, 0x00, 0x00], "device count 100 exceeds the 2 bytes left in device list");

    [Fact]
    public void Decode_PointCountOverMaxReadings_Rejected() =>
        AssertRejected(Body(), "point count 2 takes the batch over the limit of 1 readings in device 0 ('d1') channel 'volume' point count",
            new BatchDecodeOptions { MaxReadings = 1 });

    [Fact]
    public void Decode_ZeroRunOfLengthZero_Rejected() =>
        AssertRejected(Body(seq: [0x02, 0x00, 0x00]), "zero run of length 0 in device 0 ('d1') channel 'volume' seq column");

    [Fact]
    public void Decode_ZeroRunLongerThanCount_Rejected() =>
        AssertRejected(Body(values: [0x00, 0x03]), "zero run of 3 overruns the 2 remaining values in device 0 ('d1') channel 'volume' values column");

    [Fact]
    public void Decode_RunLongerThanCount_Rejected() =>
        AssertRejected(Body(flags: [0x00, 0x03]), "run of 3 overruns the 2 remaining points in device 0 ('d1') channel 'volume' flags column");

    [Fact]
    public void Decode_UndefinedClockQuality_Rejected() =>
        AssertRejected(Body(quality: [0x04, 0x02]), "clock quality 4 is undefined in device 0 ('d1') channel 'volume' clock quality column");

    [Fact]
    public void Decode_FlagsBeyond32Bits_Rejected() =>
        AssertRejected(Body(flags: [.. SVarint(1L << 31), 0x02]), "flags 2147483648 do not fit in 32 bits in device 0 ('d1') channel 'volume' flags column");

    [Fact]
    public void Decode_ScaleAbove18_Rejected() =>
        AssertRejected([0x01, .. Str("d1"), 0x01, .. Str("volume"), .. Str("l"), 0x13, 0x00, 0x00, 0x00],
            "scale 19 is outside 0..18 in device 0 ('d1') channel 'volume' scale");

    [Fact]
    public void Decode_TimeBeyondYear9999_Rejected() =>
        AssertRejected(Body(times: [.. SVarint(BatchLimits.MaxUnixMs), 0x02]),
            "observed time of point 1 is outside years 0001-9999 in device 0 ('d1') channel 'volume' times column");

    [Fact]
    public void Decode_VarintOverflowInColumn_Rejected() =>
        AssertRejected(Body(values: [.. Enumerable.Repeat((byte)0x80, 9), 0x02, 0x00]),
            "varint overflow in device 0 ('d1') channel 'volume' values column");

    [Fact]
    public void Decode_DeviceIdNotUtf8_Rejected() =>
        AssertRejected([0x01, 0x01, 0xFF, 0x00, 0x00, 0x00], "device id is not valid UTF-8 in device 0");

    [Fact]
    public void Decode_TrailingBytesInBody_Rejected() =>
        AssertRejected(Body(tail: [0x00, 0x00, 0x7F]), "1 trailing bytes after the gap records in the batch body");

    [Fact]
    public void Decode_TruncatedEvent_NamesEvent() =>
        AssertRejected(Body(tail: [0x01, .. Str("d1"), 0x00, .. Str("leak")]), "truncated in event 0 ('d1')");

    [Fact]
    public void Decode_GapEndBeyondYear9999_Rejected() =>
        AssertRejected(Body(tail: [0x00, 0x01, 0x00, .. SVarint(BatchLimits.MaxUnixMs), 0x01, 0x00, .. Str("ttl")]),
            "gap end time is outside years 0001-9999 in gap record 0");

    [Fact]
    public void Decode_GapCountBeyondData_Rejected() =>
        AssertRejected(Body(tail: [0x00, 0x05, 0x00]), "gap record count 5 exceeds the 1 bytes left in gap records");
}
