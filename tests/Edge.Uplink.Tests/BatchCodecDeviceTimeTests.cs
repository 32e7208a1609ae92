using Edge.Uplink.Tests.Support;

namespace Edge.Uplink.Tests;

/// <summary>
/// Device-time columns (BATCH-FORMAT.md, header flags bit 2): readings whose time the gateway corrected
/// carry the time the device stamped. Bytes written out by hand from the format document.
/// </summary>
public sealed class BatchCodecDeviceTimeTests
{
    // Device "d", channel "v", no unit, scale 0; two points corrected by the same offset: the device's
    // clock ran 6 s behind (device time = observed − 6000 ms).
    private static readonly byte[] _body =
    [
        0x01, 0x01, 0x64, 0x01, 0x01, 0x76, 0x00, 0x00, 0x02,   // 1 device "d", 1 channel "v" "", scale 0, 2 points
        0x02, 0x00, 0x01,                                       // seq 1, 2: zz(1), zero run 1
        0xA0, 0x9C, 0x01, 0xA0, 0x9C, 0x01,                     // times 10000, +10000: zz(10000) = 20000 = 0x20 + 0x1C*128 + 1*16384
        0x0A, 0x00, 0x01,                                       // values 5, 5: zz(5) = 10, zero run 1
        0x01, 0x02,                                             // clock quality gateway ×2
        0x00, 0x02,                                             // flags 0 ×2
        0x01, 0x02,                                             // device time present ×2
        0xDF, 0x5D, 0x00, 0x01,                                 // offsets −6000, +0: zz(−6000) = 11999 = 0x5F + 0x5D*128
        0x00, 0x00,                                             // no events, no gap records
    ];

    private static readonly byte[] _headerPrefix =
    [
        0x45, 0x44, 0x47, 0x42, 0x01,
        0x04,                                                   // flags: device times, not compressed
        0x01, 0x67, 0x01, 0x00,                                 // gateway "g", sequence 1, created zz(0)
        0x21, 0x21,                                             // body and stored length 33
    ];

    private static Batch Corrected() => new("g", 1, 0,
        [new DeviceRun("d", [new ChannelRun("v", string.Empty, 0,
        [
            new ReadingPoint(1, 10_000, 5, ClockQuality.Gateway, 0, 4_000),
            new ReadingPoint(2, 20_000, 5, ClockQuality.Gateway, 0, 14_000),
        ])])],
        [], []);

    [Fact]
    public void Encode_CorrectedPoints_MatchesHandWrittenBytes()
    {
        Assert.Equal(33, _body.Length);
        byte[] expected = [.. _headerPrefix, .. SpecBytes.Crc(_headerPrefix, _body), .. _body];

        Assert.Equal(expected, BatchCodec.Encode(Corrected(), new BatchEncodeOptions { Compress = false }));
    }

    [Fact]
    public void Decode_HandWrittenBytes_RestoresDeviceTimes()
    {
        byte[] data = [.. _headerPrefix, .. SpecBytes.Crc(_headerPrefix, _body), .. _body];

        var points = BatchCodec.Decode(data).Devices[0].Channels[0].Points;

        Assert.Equal([4_000L, 14_000L], points.Select(p => p.DeviceUnixMs!.Value));
        Assert.True(BatchCodec.ReadHeader(data).HasDeviceTimes);
    }

    [Fact]
    public void Encode_NoCorrectedPoint_LeavesFlagClear()
    {
        var encoded = BatchCodec.Encode(SampleBatches.Tiny(), new BatchEncodeOptions { Compress = false });

        Assert.Equal(0x00, encoded[5]);
        Assert.False(BatchCodec.ReadHeader(encoded).HasDeviceTimes);
    }

    [Fact]
    public void RoundTrip_MixedPresenceAndChangingOffsets_KeepsEveryDeviceTime()
    {
        long?[] deviceTimes = [null, 1_000, null, 2_500, 2_600, null, -62_135_596_800_000L + 5];
        var points = deviceTimes.Select((d, i) => new ReadingPoint(i, 1_000_000 + (i * 3_600_000L), i, d is null ? ClockQuality.Ntp : ClockQuality.Gateway, 0, d)).ToArray();
        var batch = new Batch("g", 2, 0, [new DeviceRun("d", [new ChannelRun("v", "l", 0, points)])], [], []);

        foreach (var compress in new[] { false, true })
        {
            var decoded = BatchCodec.Decode(BatchCodec.Encode(batch, new BatchEncodeOptions { Compress = compress }));
            Assert.Equal(deviceTimes, decoded.Devices[0].Channels[0].Points.Select(p => p.DeviceUnixMs));
        }

        var json = BatchJson.Deserialize(BatchJson.Serialize(batch));
        Assert.Equal(deviceTimes, json.Devices[0].Channels[0].Points.Select(p => p.DeviceUnixMs));
    }

    [Fact]
    public void Decode_PresenceValueTwo_IsRejectedWithItsPlace()
    {
        var body = (byte[])_body.Clone();
        body[25] = 0x02;
        byte[] data = [.. _headerPrefix, .. SpecBytes.Crc(_headerPrefix, body), .. body];

        var error = Assert.Throws<BatchFormatException>(() => BatchCodec.Decode(data));

        Assert.Contains("device time presence 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_CorrectedPoint_WritesDeviceTime()
    {
        var json = BatchJson.Serialize(Corrected());

        Assert.Contains("\"deviceTime\":\"1970-01-01T00:00:04.000Z\"", json.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
