using System.Formats.Cbor;
using Edge.Gateway.Southbound;

namespace Edge.Gateway.Tests.Control;

/// <summary>The device configuration payload (FRAME.md) read back with an independent CBOR decoder (System.Formats.Cbor).</summary>
public sealed class DeviceConfigPayloadTests
{
    [Theory]
    [InlineData(0L, 3600, 3600, false)]
    [InlineData(23L, 300, 600, true)]
    [InlineData(70_000L, 10, 604_800, true)]
    public void Encode_DecodedByCborReader_SameValues(long version, int sampling, int reporting, bool disaster)
    {
        var reader = new CborReader(DeviceConfigPayload.Encode(version, sampling, reporting, disaster), CborConformanceMode.Canonical);

        Assert.Equal(4, reader.ReadStartMap());
        Assert.Equal((1UL, (ulong)version), (reader.ReadUInt64(), reader.ReadUInt64()));
        Assert.Equal((2UL, (ulong)sampling), (reader.ReadUInt64(), reader.ReadUInt64()));
        Assert.Equal((3UL, (ulong)reporting), (reader.ReadUInt64(), reader.ReadUInt64()));
        Assert.Equal(4UL, reader.ReadUInt64());
        Assert.Equal(disaster, reader.ReadBoolean());
        reader.ReadEndMap();
        Assert.Equal(0, reader.BytesRemaining);
    }

    [Fact]
    public void Encode_RfcExampleSizes_ShortestForm()
    {
        // RFC 8949 Appendix A: 10 is 0x0a, 100 is 0x1864, 1000 is 0x1903e8, 1000000 is 0x1a000f4240.
        Assert.Equal([0xA4, 0x01, 0x0A, 0x02, 0x18, 0x64, 0x03, 0x19, 0x03, 0xE8, 0x04, 0xF4], DeviceConfigPayload.Encode(10, 100, 1000, false));
        Assert.Equal([0x1A, 0x00, 0x0F, 0x42, 0x40], DeviceConfigPayload.Encode(1_000_000, 10, 10, true)[2..7]);
    }
}
