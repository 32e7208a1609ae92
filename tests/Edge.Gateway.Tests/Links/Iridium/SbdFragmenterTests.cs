using Edge.Gateway.Links.Iridium;

namespace Edge.Gateway.Tests.Links.Iridium;

public sealed class SbdFragmenterTests
{
    [Fact]
    public void Split_1000BytesAt340_ThreeMessagesOf340And340And338()
    {
        // 340 − 6 header bytes = 334 per fragment: 334 + 334 + 332 = 1000.
        var body = Enumerable.Range(0, 1000).Select(i => (byte)i).ToArray();
        var messages = SbdFragmenter.Split(7, body, 340);
        Assert.Equal(new[] { 340, 340, 338 }, messages.Select(m => m.Length));
        Assert.All(messages, m => Assert.True(m.Length <= 340));
        Assert.Equal(body, messages.SelectMany(m => m.Skip(6)).ToArray());
    }

    [Fact]
    public void TransferId_Sequence65537_Is1()
    {
        Assert.Equal(1, SbdFragmenter.TransferId(65537));
    }

    [Fact]
    public void Split_MoreThan4095Fragments_Throws()
    {
        // 4096 fragments of 1 byte each at a message size of 7.
        Assert.Throws<ArgumentOutOfRangeException>(() => SbdFragmenter.Split(1, new byte[4096], 7));
    }
}
