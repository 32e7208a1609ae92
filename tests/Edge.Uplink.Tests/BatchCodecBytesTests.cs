using Edge.Uplink.Tests.Support;

namespace Edge.Uplink.Tests;

/// <summary>
/// The bytes of <see cref="SampleBatches.Tiny"/>, written out by hand from BATCH-FORMAT.md. Varints are
/// LEB128 (7 bits per byte, low group first, 0x80 = more follows); signed ones are zigzagged first
/// (z = 2v for v ≥ 0, −2v − 1 for v &lt; 0).
/// </summary>
public sealed class BatchCodecBytesTests
{
    private static readonly byte[] _body =
    [
        0x01,                                       // 1 device
        0x02, 0x64, 0x31,                           // "d1"
        0x01,                                       // 1 channel
        0x06, 0x76, 0x6F, 0x6C, 0x75, 0x6D, 0x65,   // "volume"
        0x01, 0x6C,                                 // "l"
        0x03,                                       // scale 3
        0x04,                                       // 4 points

        // seq 17,18,19,21 -> 17, then delta-1: 0,0,1
        0x22,                                       // zz(17) = 34
        0x00, 0x02,                                 // zero run of 2
        0x02,                                       // zz(1) = 2

        // times 3.6e6, 7.2e6, 10.8e6, 18e6 ms -> t0 = 3_600_000, delta 3_600_000, dod 0, dod 3_600_000;
        // zz(3_600_000) = 7_200_000 = 0x6DDD00 -> groups 0x00, 0x3A, 0x37, 0x03
        0x80, 0xBA, 0xB7, 0x03,
        0x80, 0xBA, 0xB7, 0x03,
        0x00, 0x01,                                 // zero run of 1
        0x80, 0xBA, 0xB7, 0x03,

        // mantissas 12345, 12400, 12400, 12390 -> 12345, +55, 0, -10
        0xF2, 0xC0, 0x01,                           // zz(12345) = 24690 = 0x72 + 0x40*128 + 1*16384
        0x6E,                                       // zz(55) = 110
        0x00, 0x01,                                 // zero run of 1
        0x13,                                       // zz(-10) = 19

        0x03, 0x02, 0x02, 0x02,                     // clock quality: gnss(3) x2, ntp(2) x2
        0x00, 0x03, 0x08, 0x01,                     // flags: zz(0) x3, zz(4) = 8 x1

        0x01,                                       // 1 event
        0x02, 0x64, 0x31,                           // "d1"
        0x80, 0xBA, 0xB7, 0x03,                     // observed zz(3_600_000)
        0x04, 0x6C, 0x65, 0x61, 0x6B,               // "leak"
        0x00,                                       // no detail

        0x01,                                       // 1 gap record
        0x01, 0x02, 0x64, 0x32,                     // device ids: "d2"
        0x00,                                       // from zz(0)
        0x80, 0xDD, 0xDB, 0x01,                     // duration 3_600_000 (unsigned) = 0x00 + 93*128 + 91*16384 + 1*2097152
        0x02,                                       // 2 readings lost
        0x03, 0x74, 0x74, 0x6C,                     // "ttl"
    ];

    private static readonly byte[] _headerPrefix =
    [
        0x45, 0x44, 0x47, 0x42,                     // magic "EDGB"
        0x01,                                       // version 1
        0x00,                                       // flags: not compressed, no dictionary
        0x03, 0x67, 0x77, 0x31,                     // gateway id "gw1"
        0x05,                                       // batch sequence 5
        0xD0, 0x0F,                                 // created zz(1000) = 2000 = 0x50 + 15*128
        0x4E,                                       // body length 78
        0x4E,                                       // stored length 78
    ];

    [Fact]
    public void Encode_TinyUncompressed_MatchesHandWrittenBytes()
    {
        Assert.Equal(78, _body.Length);
        byte[] expected = [.. _headerPrefix, .. SpecBytes.Crc(_headerPrefix, _body), .. _body];

        var encoded = BatchCodec.Encode(SampleBatches.Tiny(), new BatchEncodeOptions { Compress = false });

        Assert.Equal(expected, encoded);
    }

    [Fact]
    public void Decode_HandWrittenBytes_ReturnsTinyBatch()
    {
        byte[] data = [.. _headerPrefix, .. SpecBytes.Crc(_headerPrefix, _body), .. _body];

        BatchAssert.Equal(SampleBatches.Tiny(), BatchCodec.Decode(data));
    }

    [Fact]
    public void Encode_TinyCompressed_HasCompressedFlagAndZstdFrame()
    {
        var encoded = BatchCodec.Encode(SampleBatches.Tiny());
        var header = BatchCodec.ReadHeader(encoded);
        var stored = encoded[^header.StoredBodyLength..];

        Assert.Equal(0x01, encoded[5]);
        Assert.Equal(78, header.BodyLength);

        // RFC 8878 §3.1.1: a zstd frame starts with the magic number 0xFD2FB528, little-endian.
        Assert.Equal(new byte[] { 0x28, 0xB5, 0x2F, 0xFD }, stored[..4]);
        using var zstd = new ZstdSharp.Decompressor();
        Assert.Equal(_body, zstd.Unwrap(stored).ToArray());
    }
}
