using Edge.Gateway.Hosting;
using Edge.Gateway.Southbound;

namespace Edge.Gateway.Tests.Hosting;

public class GatewayOptionsValidatorTests
{
    [Fact]
    public void Validate_CompleteSettings_Succeeds()
    {
        Assert.True(new GatewayOptionsValidator().Validate(null, Valid()).Succeeded);
    }

    [Theory]
    [InlineData("id", "Edge:Gateway:Id is required")]
    [InlineData("bind", "is not an IP address")]
    [InlineData("duplicate", "listed twice")]
    [InlineData("topic-char", "MQTT topic character")]
    [InlineData("no-password", "has no password")]
    [InlineData("backoff", "MaxBackoff must not be shorter")]
    [InlineData("url", "not an absolute URL")]
    [InlineData("store-bytes", "Store:MaxBytes must be positive")]
    [InlineData("share", "Store:Backfill:Share must be between 0 and 1")]
    [InlineData("ttl", "Store:Alarm:TtlDays must be positive")]
    [InlineData("alarm-delay", "Batch:AlarmMaxDelay must not be negative")]
    public void Validate_BrokenSetting_FailsNamingIt(string broken, string expected)
    {
        var options = Valid();
        switch (broken)
        {
            case "id": options.Id = ""; break;
            case "store-bytes": options.Store.MaxBytes = 0; break;
            case "share": options.Store.Backfill.Share = 1.5; break;
            case "ttl": options.Store.Alarm.TtlDays = 0; break;
            case "alarm-delay": options.Batch.AlarmMaxDelay = TimeSpan.FromSeconds(-1); break;
            case "bind": options.Mqtt.BindAddress = "localhost"; break;
            case "duplicate": options.Devices.Add(new DeviceCredential { Id = "pm-000001", Password = "x" }); break;
            case "topic-char": options.Devices[0].Id = "pm/1"; break;
            case "no-password": options.Devices[0].Password = ""; break;
            case "backoff": options.Uplink.MaxBackoff = TimeSpan.FromMilliseconds(10); break;
            case "url": options.Ingest.Url = "ingest/v1"; break;
        }

        var result = new GatewayOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    private static GatewayOptions Valid() => new()
    {
        Id = "gw-1",
        DataDir = "/var/lib/edge",
        Devices = [new DeviceCredential { Id = "pm-000001", Password = "secret" }],
        Ingest = { Url = "http://127.0.0.1:5000" },
    };
}
