using Edge.Gateway.Links;
using Edge.Gateway.Links.AzureIotHub;
using Edge.Gateway.Links.Ip;

namespace Edge.Gateway.Tests.Links.AzureIotHub;

public sealed class AzureIotHubLinkOptionsCheckTests
{
    private static AzureIotHubLinkOptions Valid() => new()
    {
        HostName = "contoso.azure-devices.net",
        DeviceId = "gw-01",
        SharedAccessKey = Convert.ToBase64String(new byte[32]),
    };

    [Fact]
    public void Validate_NoHostName_NothingChecked()
    {
        var errors = new List<string>();
        AzureIotHubLinkOptionsCheck.Validate(new LinksOptions { AzureIotHub = new() { Port = 0, SharedAccessKey = "x" } }, errors);
        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_Defaults_Valid()
    {
        var errors = new List<string>();
        AzureIotHubLinkOptionsCheck.Validate(new LinksOptions { AzureIotHub = Valid() }, errors);
        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_MissingDeviceAndBadKey_BothNamed()
    {
        var options = Valid();
        options.DeviceId = "";
        options.SharedAccessKey = "not base64!";
        var errors = new List<string>();
        AzureIotHubLinkOptionsCheck.Validate(new LinksOptions { AzureIotHub = options }, errors);
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Edge:Gateway:Links:AzureIotHub:DeviceId", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Edge:Gateway:Links:AzureIotHub:SharedAccessKey", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("gw/01")]
    [InlineData("gw#")]
    [InlineData("gw+1")]
    public void Validate_DeviceIdWithTopicCharacters_Refused(string deviceId)
    {
        var options = Valid();
        options.DeviceId = deviceId;
        var errors = new List<string>();
        AzureIotHubLinkOptionsCheck.Validate(new LinksOptions { AzureIotHub = options }, errors);
        Assert.Single(errors);
    }

    [Fact]
    public void Validate_KeepAliveOverHubLimitAndRenewalLongerThanToken_Refused()
    {
        var options = Valid();
        options.KeepAlive = TimeSpan.FromSeconds(1178);
        options.TokenRenewBefore = TimeSpan.FromHours(2);
        var errors = new List<string>();
        AzureIotHubLinkOptionsCheck.Validate(new LinksOptions { AzureIotHub = options }, errors);
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void Validate_NameTakenByIpLink_Refused()
    {
        var links = new LinksOptions { AzureIotHub = Valid(), Ip = [new IpLinkOptions { Name = "azure" }] };
        var errors = new List<string>();
        AzureIotHubLinkOptionsCheck.Validate(links, errors);
        Assert.Equal(["Edge:Gateway:Links:AzureIotHub:Name 'azure' is used by another link"], errors);
    }

    [Fact]
    public void BatchBytes_NoLimits_HubLimitLessPropertyAllowance()
    {
        // IoT Hub's device-to-cloud limit is 256 KB; 1 KiB is kept for the property bag.
        Assert.Equal(262144 - 1024, AzureIotHubLink.BatchBytes(new(), 0));
        Assert.Equal(65536, AzureIotHubLink.BatchBytes(new(), 65536));
        Assert.Equal(262144 - 1024, AzureIotHubLink.BatchBytes(new() { MaxMessageBytes = 1_000_000 }, 0));
    }
}
