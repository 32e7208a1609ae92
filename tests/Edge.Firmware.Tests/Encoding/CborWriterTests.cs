using Edge.Firmware.Encoding;

namespace Edge.Firmware.Tests.Encoding;

public class CborWriterTests
{
    // RFC 8949 Appendix A, "Examples of Encoded CBOR Data Items".
    [Theory]
    [InlineData(0L, "00")]
    [InlineData(1L, "01")]
    [InlineData(10L, "0a")]
    [InlineData(23L, "17")]
    [InlineData(24L, "1818")]
    [InlineData(25L, "1819")]
    [InlineData(100L, "1864")]
    [InlineData(1000L, "1903e8")]
    [InlineData(1000000L, "1a000f4240")]
    [InlineData(1000000000000L, "1b000000e8d4a51000")]
    [InlineData(-1L, "20")]
    [InlineData(-10L, "29")]
    [InlineData(-100L, "3863")]
    [InlineData(-1000L, "3903e7")]
    [InlineData(long.MinValue, "3b7fffffffffffffff")]
    public void WriteInt64_Rfc8949Examples_MatchAppendixA(long value, string hex)
    {
        var w = new CborWriter(new byte[16]);
        w.WriteInt64(value);
        Assert.Equal(hex, Convert.ToHexStringLower(w.Buffer, 0, w.Length));
    }

    [Theory]
    [InlineData("", "60")]
    [InlineData("a", "6161")]
    [InlineData("IETF", "6449455446")]
    [InlineData("\"\\", "62225c")]
    [InlineData("\u00fc", "62c3bc")]
    [InlineData("\u6c34", "63e6b0b4")]
    public void WriteText_Rfc8949Examples_MatchAppendixA(string text, string hex)
    {
        var w = new CborWriter(new byte[16]);
        w.WriteText(text);
        Assert.Equal(hex, Convert.ToHexStringLower(w.Buffer, 0, w.Length));
    }

    [Theory]
    [InlineData(1.1, "fb3ff199999999999a")]
    [InlineData(-4.1, "fbc010666666666666")]
    [InlineData(1.0e300, "fb7e37e43c8800759c")]
    public void WriteDouble_Rfc8949Examples_MatchAppendixA(double value, string hex)
    {
        var w = new CborWriter(new byte[16]);
        w.WriteDouble(value);
        Assert.Equal(hex, Convert.ToHexStringLower(w.Buffer, 0, w.Length));
    }

    [Fact]
    public void Headers_EmptyArrayAndMap_MatchAppendixA()
    {
        var w = new CborWriter(new byte[4]);
        w.WriteArrayHeader(0);
        w.WriteMapHeader(0);
        w.WriteArrayHeader(25);
        Assert.Equal("80a09819", Convert.ToHexStringLower(w.Buffer, 0, w.Length));
    }

    [Fact]
    public void Write_BufferTooSmall_SetsOverflowedAndStopsWriting()
    {
        var w = new CborWriter(new byte[3]);
        w.WriteInt64(1000);
        Assert.False(w.Overflowed);
        w.WriteText("IETF");
        Assert.True(w.Overflowed);
        Assert.Equal(3, w.Length);
    }
}
