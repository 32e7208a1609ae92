using System.Globalization;
using Edge.Gateway.Tests.Support;
using Edge.Gateway.Tests.Uplink;
using Edge.Uplink;

namespace Edge.Gateway.Tests.Links.AzureIotHub;

/// <summary>The gateway host with only the Azure IoT Hub link configured: device → gateway → Mosquitto laid out like IoT Hub.</summary>
public sealed class AzureIotHubGatewayTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Gateway_AzureLinkOnly_DeviceFrameArrivesAsBatchOnEventsTopicAndLeavesTheStore()
    {
        using var brokerDir = new TempDir();
        using var broker = await IotHubMosquitto.StartWithoutPasswordsAsync(brokerDir.Path);
        await using var observer = await HubObserver.ObserveAsync(broker.Port);
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path, s =>
        {
            UplinkServiceTests.Fast(s, "");
            s["Edge:Gateway:Links:AzureIotHub:HostName"] = "contoso.azure-devices.net";
            s["Edge:Gateway:Links:AzureIotHub:DeviceId"] = "gw-test-hub";
            s["Edge:Gateway:Links:AzureIotHub:SharedAccessKey"] = Convert.ToBase64String(new byte[32]);
            s["Edge:Gateway:Links:AzureIotHub:BrokerHost"] = "127.0.0.1";
            s["Edge:Gateway:Links:AzureIotHub:Port"] = broker.Port.ToString(CultureInfo.InvariantCulture);
            s["Edge:Gateway:Links:AzureIotHub:UseTls"] = "false";
            s["Edge:Gateway:Links:AzureIotHub:Policy:Hysteresis"] = "00:00:00";
        });
        using var device = await DeviceClient.ConnectAsync(gateway.Port, Frames.Device, GatewayConfig.Password1);

        await device.PublishAsync(DeviceClient.Topic(Frames.Device), Frames.Example);

        await Wait.UntilAsync(() => observer.Received.Count >= 1, TimeSpan.FromSeconds(20), "the batch on the events topic");
        var (topic, payload) = observer.Received[0];
        var batch = BatchCodec.Decode(payload);
        Assert.Equal(GatewayConfig.GatewayId, batch.GatewayId);
        Assert.StartsWith("devices/gw-test-hub/messages/events/$.ct=application%2Fvnd.edge.batch.v1&", topic, StringComparison.Ordinal);
        Assert.EndsWith($"&edge-gateway={GatewayConfig.GatewayId}&edge-seq={batch.Sequence}", topic, StringComparison.Ordinal);
        await Wait.UntilAsync(() => StoreFile.Rows(gateway.DbPath).Count == 0, TimeSpan.FromSeconds(20), "the rows to leave the store after PUBACK");
        Assert.Equal(1, gateway.Counters.BatchesAcknowledged);
    }
}
