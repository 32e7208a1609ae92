using Edge.Firmware.Crypto;

namespace Edge.Firmware.Tests.Crypto;

public class ConstantTimeTests
{
    [Fact]
    public void AreEqual_SameBytesAtOffsets_True()
    {
        Assert.True(ConstantTime.AreEqual([9, 1, 2, 3], 1, [1, 2, 3, 8], 0, 3));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void AreEqual_OneByteDiffers_False(int position)
    {
        var b = new byte[] { 1, 2, 3 };
        b[position] ^= 0x40;
        Assert.False(ConstantTime.AreEqual([1, 2, 3], 0, b, 0, 3));
    }

    [Fact]
    public void AreEqual_ZeroCount_True()
    {
        Assert.True(ConstantTime.AreEqual([1], 1, [2], 1, 0));
    }
}
