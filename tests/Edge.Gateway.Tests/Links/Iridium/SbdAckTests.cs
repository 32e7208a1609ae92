using Edge.Gateway.Links.Iridium;

namespace Edge.Gateway.Tests.Links.Iridium;

public sealed class SbdAckTests
{
    [Fact]
    public void ToMessage_Seq258Stored_TenBytesBigEndian()
    {
        // 258 = 0x0102.
        Assert.Equal(new byte[] { 0xA1, 0x00, 0, 0, 0, 0, 0, 0, 0x01, 0x02 }, new SbdAck(258, SbdAckStatus.Stored).ToMessage());
    }

    [Fact]
    public void TryParse_RefusedAck_ReadsSequenceAndStatus()
    {
        Assert.True(SbdAck.TryParse(new byte[] { 0xA1, 0x01, 0, 0, 0, 0, 0, 0, 0, 0x2A }, out var ack));
        Assert.Equal(new SbdAck(42, SbdAckStatus.Refused), ack);
    }

    [Theory]
    [InlineData(new byte[] { 0xA2, 0, 0, 0, 0, 0, 0, 0, 0, 1 })]
    [InlineData(new byte[] { 0xA1, 2, 0, 0, 0, 0, 0, 0, 0, 1 })]
    [InlineData(new byte[] { 0xA1, 0, 0, 0, 0, 0, 0, 0, 1 })]
    public void TryParse_NotAnAck_False(byte[] message)
    {
        Assert.False(SbdAck.TryParse(message, out _));
    }
}
