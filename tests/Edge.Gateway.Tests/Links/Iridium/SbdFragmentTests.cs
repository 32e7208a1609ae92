using Edge.Gateway.Links.Iridium;

namespace Edge.Gateway.Tests.Links.Iridium;

public sealed class SbdFragmentTests
{
    [Fact]
    public void ToMessage_Index3Of20_HeaderAsWorkedBySbdFragmentsMd()
    {
        // index 3 = 0x003, count 20 = 0x014 → 12+12 bits 003 014 → bytes 00 30 14.
        var message = new SbdFragment(0x0102, 3, 20, new byte[] { 0xAA }).ToMessage();
        Assert.Equal(new byte[] { 0xE1, 0x01, 0x02, 0x00, 0x30, 0x14, 0xAA }, message);
    }

    [Fact]
    public void TryParse_LargestIndexAndCount_RoundTrips()
    {
        // index 4094 = 0xFFE, count 4095 = 0xFFF → FF EF FF.
        var message = new byte[] { 0xE1, 0xFF, 0xFF, 0xFF, 0xEF, 0xFF, 1, 2 };
        Assert.True(SbdFragment.TryParse(message, out var fragment));
        Assert.Equal(0xFFFF, fragment!.TransferId);
        Assert.Equal(4094, fragment.Index);
        Assert.Equal(4095, fragment.Count);
        Assert.Equal(new byte[] { 1, 2 }, fragment.Payload.ToArray());
    }

    [Theory]
    [InlineData(new byte[] { 0xE2, 0, 1, 0, 0, 1, 9 })] // another version
    [InlineData(new byte[] { 0xE1, 0, 1, 0, 0, 0, 9 })] // count 0
    [InlineData(new byte[] { 0xE1, 0, 1, 0, 0x10, 1, 9 })] // index 1 of 1
    [InlineData(new byte[] { 0xE1, 0, 1, 0, 0 })] // shorter than the header
    public void TryParse_NotAFragment_False(byte[] message)
    {
        Assert.False(SbdFragment.TryParse(message, out _));
    }
}
