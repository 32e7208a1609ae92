using Edge.Gateway.Links.Iridium;

namespace Edge.Gateway.Tests.Links.Iridium;

public sealed class IridiumLinkOptionsCheckTests
{
    [Fact]
    public void Validate_NoPort_NothingChecked()
    {
        var errors = new List<string>();
        IridiumLinkOptionsCheck.Validate(new IridiumLinkOptions { MaxMessageBytes = 5000 }, errors);
        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_Defaults_Valid()
    {
        var errors = new List<string>();
        IridiumLinkOptionsCheck.Validate(new IridiumLinkOptions { Port = "/dev/ttyUSB1" }, errors);
        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_341ByteMessagesAnd6Bars_BothNamed()
    {
        var errors = new List<string>();
        IridiumLinkOptionsCheck.Validate(new IridiumLinkOptions { Port = "/dev/ttyUSB1", MaxMessageBytes = 341, MinSignalBars = 6 }, errors);
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("MaxMessageBytes must be 7..340", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("MinSignalBars", StringComparison.Ordinal));
    }
}
