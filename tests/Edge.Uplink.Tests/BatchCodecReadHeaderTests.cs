using Edge.Uplink.Tests.Support;

namespace Edge.Uplink.Tests;

public sealed class BatchCodecReadHeaderTests
{
    [Fact]
    public void ReadHeader_EncodedBatch_ReturnsIdsAndLengths()
    {
        var batch = SampleBatches.Hourly(meters: 10, hours: 24, sequence: 123_456_789);
        var encoded = BatchCodec.Encode(batch);

        var header = BatchCodec.ReadHeader(encoded);

        Assert.Equal((1, "gw-tokyo-0001", 123_456_789L, batch.CreatedUnixMs), (header.Version, header.GatewayId, header.Sequence, header.CreatedUnixMs));
        Assert.True(header.IsCompressed);
        Assert.Null(header.DictionaryId);
        Assert.Equal(encoded.Length, header.EncodedLength);
    }

    [Fact]
    public void ReadHeader_HeaderBytesOnly_DoesNotNeedTheBody()
    {
        byte[] prefix = SpecBytes.HeaderPrefix(bodyLength: 300, storedLength: 120, flags: 0x01, gatewayId: "gw-東京", sequence: 42, createdUnixMs: -1);
        byte[] data = [.. prefix, 0xDE, 0xAD, 0xBE, 0xEF];

        var header = BatchCodec.ReadHeader(data);

        Assert.Equal(("gw-東京", 42L, -1L, 300, 120), (header.GatewayId, header.Sequence, header.CreatedUnixMs, header.BodyLength, header.StoredBodyLength));
        Assert.Equal(data.Length + 120L, header.EncodedLength);
    }

    [Fact]
    public void ReadHeader_TruncatedBeforeCrc_Rejected()
    {
        byte[] prefix = SpecBytes.HeaderPrefix(bodyLength: 3, storedLength: 3);

        var ex = Assert.Throws<BatchFormatException>(() => BatchCodec.ReadHeader([.. prefix, 0x01, 0x02]));
        Assert.Equal("truncated in header CRC", ex.Message);
    }

    [Fact]
    public void ReadHeader_JsonInput_BadMagic()
    {
        var ex = Assert.Throws<BatchFormatException>(() => BatchCodec.ReadHeader("{\"version\":1}"u8));
        Assert.Contains("bad magic", ex.Message, StringComparison.Ordinal);
    }
}
