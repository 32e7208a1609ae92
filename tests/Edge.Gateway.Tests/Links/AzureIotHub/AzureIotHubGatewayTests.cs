using System.Globalization;
using Edge.Gateway.Tests.Support;
using Edge.HwSim.AzureIotHub;
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

    [Fact]
    public async Task Gateway_AzureLinkThroughBridge_IngestReceivesTheDeviceFrameAsTheSameBatch()
    {
        using var brokerDir = new TempDir();
        using var broker = await IotHubMosquitto.StartWithoutPasswordsAsync(brokerDir.Path);
        await using var ingest = await FakeIngest.StartAsync();
        await using var bridge = await IotHubIngestBridge.StartAsync("127.0.0.1", broker.Port, "bridge-1", "observer", IotHubMosquitto.ObserverPassword, ingest.Url, "api-key-bridge");
        await using var observer = await HubObserver.ObserveAsync(broker.Port);
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path, s => AzureOnly(s, broker.Port));
        using var device = await DeviceClient.ConnectAsync(gateway.Port, Frames.Device, GatewayConfig.Password1);

        await device.PublishAsync(DeviceClient.Topic(Frames.Device), Frames.Example);

        await Wait.UntilAsync(() => ingest.Received.Count >= 1, TimeSpan.FromSeconds(20), "the batch at the ingest through the bridge");
        await Wait.UntilAsync(() => observer.Received.Count >= 1, TimeSpan.FromSeconds(10), "the batch on the events topic");
        var received = ingest.Received[0];
        Assert.Null(received.DecodeError);
        Assert.Equal("api-key-bridge", received.ApiKey);
        Assert.Equal(observer.Received[0].Payload, received.Body);
        Assert.Equal(GatewayConfig.GatewayId, received.Batch!.GatewayId);
        // Frames.Example is hand-encoded CBOR with readings "seq": 17 and 18 of Frames.Device (Support/Frames.cs).
        Assert.Equal([17L, 18L], received.Batch.Devices.Single(d => d.DeviceId == Frames.Device).Channels.SelectMany(c => c.Points).Select(p => p.Seq).Order());
        await Wait.UntilAsync(() => bridge.Posted.Count == 1, TimeSpan.FromSeconds(10), "the bridge to record the post");
        Assert.Equal(received.Batch.Sequence, bridge.Posted[0]);
    }

    private static void AzureOnly(Dictionary<string, string> s, int port)
    {
        UplinkServiceTests.Fast(s, "");
        s["Edge:Gateway:Links:AzureIotHub:HostName"] = "contoso.azure-devices.net";
        s["Edge:Gateway:Links:AzureIotHub:DeviceId"] = "gw-test-hub";
        s["Edge:Gateway:Links:AzureIotHub:SharedAccessKey"] = Convert.ToBase64String(new byte[32]);
        s["Edge:Gateway:Links:AzureIotHub:BrokerHost"] = "127.0.0.1";
        s["Edge:Gateway:Links:AzureIotHub:Port"] = port.ToString(CultureInfo.InvariantCulture);
        s["Edge:Gateway:Links:AzureIotHub:UseTls"] = "false";
        s["Edge:Gateway:Links:AzureIotHub:Policy:Hysteresis"] = "00:00:00";
    }
}
