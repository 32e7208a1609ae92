using Edge.Uplink.Tests.Support;

namespace Edge.Uplink.Tests;

public sealed class BatchCodecHeaderRejectionTests
{
    private static readonly byte[] _emptyBody = [0x00, 0x00, 0x00];

    private static byte[] WithPrefix(byte[] prefix, byte[] body) => [.. prefix, .. SpecBytes.Crc(prefix, body), .. body];

    private static void AssertRejected(byte[] data, string expectedMessagePart)
    {
        var ex = Assert.Throws<BatchFormatException>(() => BatchCodec.Decode(data));
        Assert.Contains(expectedMessagePart, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ValidHandBuiltEmptyBatch_Succeeds()
    {
        // Guards the tests below: the same bytes minus one defect are accepted.
        var batch = BatchCodec.Decode(SpecBytes.Uncompressed(_emptyBody));

        Assert.Equal(("gw1", 5L, 1000L), (batch.GatewayId, batch.Sequence, batch.CreatedUnixMs));
    }

    [Fact]
    public void Decode_Empty_Truncated() => AssertRejected([], "truncated");

    [Fact]
    public void Decode_BadMagic_Rejected()
    {
        var data = SpecBytes.Uncompressed(_emptyBody);
        data[0] = (byte)'{';

        AssertRejected(data, "bad magic");
    }

    [Fact]
    public void Decode_Version2_Unsupported() =>
        AssertRejected(WithPrefix(SpecBytes.HeaderPrefix(3, 3, version: 2), _emptyBody), "unsupported batch format version 2");

    [Fact]
    public void Decode_UnknownFlagBits_Rejected() =>
        AssertRejected(WithPrefix(SpecBytes.HeaderPrefix(3, 3, flags: 0x08), _emptyBody), "unknown flag bits 0x08");

    [Fact]
    public void Decode_DictionaryWithoutCompression_Rejected() =>
        AssertRejected(WithPrefix(SpecBytes.HeaderPrefix(3, 3, flags: 0x02, dictionaryId: 7), _emptyBody), "dictionary flag without compression");

    [Fact]
    public void Decode_EmptyGatewayId_Rejected() =>
        AssertRejected(WithPrefix(SpecBytes.HeaderPrefix(3, 3, gatewayId: ""), _emptyBody), "gateway id is empty");

    [Fact]
    public void Decode_GatewayIdOverLimit_Rejected() =>
        AssertRejected(WithPrefix(SpecBytes.HeaderPrefix(3, 3, gatewayId: new string('g', 257)), _emptyBody), "exceeds the limit of 256");

    [Fact]
    public void Decode_GatewayIdNotUtf8_Rejected()
    {
        byte[] prefix = [.. SpecBytes.Magic, 0x01, 0x00, 0x02, 0xC3, 0x28, 0x05, 0xD0, 0x0F, 0x03, 0x03];

        AssertRejected(WithPrefix(prefix, _emptyBody), "gateway id is not valid UTF-8");
    }

    [Fact]
    public void Decode_SequenceVarintOverflow_Rejected()
    {
        // Eleven continuation bytes: more than 64 bits.
        byte[] prefix = [.. SpecBytes.Magic, 0x01, 0x00, .. SpecBytes.Str("gw1"), .. Enumerable.Repeat((byte)0xFF, 10), 0x01];

        AssertRejected(WithPrefix(prefix, _emptyBody), "varint overflow in header sequence");
    }

    [Fact]
    public void Decode_SequenceOverlongVarint_Rejected()
    {
        byte[] prefix = [.. SpecBytes.Magic, 0x01, 0x00, .. SpecBytes.Str("gw1"), 0x85, 0x00, 0xD0, 0x0F, 0x03, 0x03];

        AssertRejected(WithPrefix(prefix, _emptyBody), "overlong varint");
    }

    [Fact]
    public void Decode_SequenceAboveInt64_Rejected() =>
        AssertRejected(WithPrefix(SpecBytes.HeaderPrefix(3, 3, sequence: (ulong)long.MaxValue + 1), _emptyBody), "batch sequence 9223372036854775808 is out of range");

    [Fact]
    public void Decode_CreatedTimeOutOfRange_Rejected() =>
        AssertRejected(WithPrefix(SpecBytes.HeaderPrefix(3, 3, createdUnixMs: BatchLimits.MaxUnixMs + 1), _emptyBody), "created time");

    [Fact]
    public void Decode_EveryTruncatedHeader_Rejected()
    {
        var data = SpecBytes.Uncompressed(_emptyBody);
        for (var length = 0; length < data.Length; length++)
        {
            var ex = Assert.Throws<BatchFormatException>(() => BatchCodec.Decode(data.AsSpan(0, length)));
            Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Decode_TrailingBytes_Rejected() =>
        AssertRejected([.. SpecBytes.Uncompressed(_emptyBody), 0x00], "1 trailing bytes after the batch body");

    [Fact]
    public void Decode_StoredLengthDiffersUncompressed_Rejected() =>
        AssertRejected(WithPrefix(SpecBytes.HeaderPrefix(3, 4), [.. _emptyBody, 0x00]), "differs from body length");

    [Fact]
    public void Decode_BodyOverMaxBodyBytes_RejectedBeforeDecompressing()
    {
        // Declares 5000 bytes: the limit is checked before the (absent) body is even looked at.
        var data = WithPrefix(SpecBytes.HeaderPrefix(5000, 10, flags: 0x01), []);

        var ex = Assert.Throws<BatchFormatException>(() => BatchCodec.Decode(data, new BatchDecodeOptions { MaxBodyBytes = 4096 }));
        Assert.Contains("batch body of 5000 bytes exceeds the limit of 4096 bytes", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ZstdBodyLargerThanDeclared_Rejected()
    {
        byte[] body = [0x00, 0x00, 0x00, .. new byte[100]]; // 103 bytes
        using var zstd = new ZstdSharp.Compressor(3);

        AssertRejected(SpecBytes.Compressed(body, zstd.Wrap(body).ToArray(), declaredBodyLength: 50),
            "batch body decompresses to more than the 50 bytes the header declares");
    }

    [Fact]
    public void Decode_ZstdBodySmallerThanDeclared_Rejected()
    {
        using var zstd = new ZstdSharp.Compressor(3);

        AssertRejected(SpecBytes.Compressed(_emptyBody, zstd.Wrap(_emptyBody).ToArray(), declaredBodyLength: 10),
            "batch body decompresses to 3 bytes, header declares 10");
    }

    [Fact]
    public void Decode_BodyNotZstd_Rejected() =>
        AssertRejected(SpecBytes.Compressed(_emptyBody, [0x01, 0x02, 0x03, 0x04, 0x05], declaredBodyLength: 3),
            "batch body is not a valid zstd frame");

    [Fact]
    public void Decode_HandBuiltZstdBatch_Succeeds()
    {
        using var zstd = new ZstdSharp.Compressor(3);

        var batch = BatchCodec.Decode(SpecBytes.Compressed(_emptyBody, zstd.Wrap(_emptyBody).ToArray(), declaredBodyLength: 3));

        Assert.Equal("gw1", batch.GatewayId);
    }

    [Fact]
    public void Decode_CorruptCrc_Rejected()
    {
        var data = SpecBytes.Uncompressed(_emptyBody);
        data[^4] ^= 0x01; // last CRC byte sits just before the 3-byte body

        AssertRejected(data, "batch CRC mismatch");
    }

    [Fact]
    public void Decode_HeaderFieldFlipped_CrcMismatch()
    {
        var data = SpecBytes.Uncompressed(_emptyBody);
        data[10] = 0x06; // sequence 5 -> 6, still well-formed

        AssertRejected(data, "batch CRC mismatch");
    }
}
