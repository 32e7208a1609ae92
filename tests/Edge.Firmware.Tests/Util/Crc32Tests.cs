using Edge.Firmware.Util;

namespace Edge.Firmware.Tests.Util;

public class Crc32Tests
{
    [Fact]
    public void Compute_CheckString_MatchesCatalogueCheckValue()
    {
        // CRC-32/ISO-HDLC catalogue check value for ASCII "123456789".
        var data = "123456789"u8.ToArray();
        Assert.Equal(0xCBF43926u, Crc32.Compute(data, 0, data.Length));
    }

    [Fact]
    public void Compute_MatchesSystemIoHashing_OnRandomData()
    {
        var data = new byte[1000];
        new Random(7).NextBytes(data);
        var expected = System.IO.Hashing.Crc32.HashToUInt32(data.AsSpan(100, 500));
        Assert.Equal(expected, Crc32.Compute(data, 100, 500));
    }
}
