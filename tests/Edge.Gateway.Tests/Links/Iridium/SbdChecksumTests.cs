using Edge.Gateway.Links.Iridium;

namespace Edge.Gateway.Tests.Links.Iridium;

public sealed class SbdChecksumTests
{
    [Fact]
    public void Compute_Hello_IsReferenceExample0214()
    {
        // ISU AT Command Reference §8.12: "hello" is sent as 68 65 6c 6c 6f 02 14.
        // 0x68 + 0x65 + 0x6c + 0x6c + 0x6f = 104 + 101 + 108 + 108 + 111 = 532 = 0x0214.
        Assert.Equal(0x0214, SbdChecksum.Compute("hello"u8));
    }

    [Fact]
    public void Compute_SumOver16Bits_KeepsLow16Bits()
    {
        // 300 bytes of 0xFF: 300 × 255 = 76500 = 0x12AD4 → 0x2AD4.
        var bytes = Enumerable.Repeat((byte)0xFF, 300).ToArray();
        Assert.Equal(0x2AD4, SbdChecksum.Compute(bytes));
    }

    [Fact]
    public void Write_Checksum_HighByteFirst()
    {
        var buffer = new byte[2];
        SbdChecksum.Write(0x0214, buffer);
        Assert.Equal(new byte[] { 0x02, 0x14 }, buffer);
    }
}
