using System.Text;
using Edge.Gateway.Links;
using Edge.Gateway.Links.AzureIotHub;
using Edge.Gateway.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Gateway.Tests.Links.AzureIotHub;

/// <summary>
/// The link against a real Mosquitto laid out like IoT Hub (<see cref="IotHubMosquitto"/>): Mosquitto checks the user
/// name and the SAS token (its password file holds the token computed by <see cref="ExpectedSas"/>), and the ACL
/// checks client id = device id and the events topic.
/// </summary>
public sealed class AzureIotHubLinkMosquittoTests : IDisposable
{
    private const string Hub = "contoso.azure-devices.net";
    private const string Device = "gw-01";
    private const string UserName = "contoso.azure-devices.net/gw-01/?api-version=2021-04-12";
    private static readonly string Key = Convert.ToBase64String(Encoding.ASCII.GetBytes("a device key of 32 bytes, base64"));
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 0, 0, 0, TimeSpan.Zero);
    private readonly TempDir _dir = new();
    private readonly FakeTimeProvider _time = new(Start);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task SendAsync_Batch_ObserverReceivesItWithPropertiesAndPubackAcknowledges()
    {
        using var broker = await IotHubMosquitto.StartAsync(_dir.Path, UserName, ExpectedSas.Token(Hub, Device, Key, Start.AddHours(1)));
        await using var observer = await HubObserver.ObserveAsync(broker.Port);
        await using var link = Link(broker.Port);
        var body = Encoding.ASCII.GetBytes("batch body 42");

        var result = await link.SendAsync(new OutboundBatch(42, body), CancellationToken.None);

        Assert.Equal(LinkOutcome.Acknowledged, result.Outcome);
        Assert.Equal(LinkState.Up, link.Health.State);
        await Wait.UntilAsync(() => observer.Received.Count == 1, TimeSpan.FromSeconds(10), "the observer to receive the batch");
        var (topic, payload) = observer.Received[0];
        Assert.Equal("devices/gw-01/messages/events/$.ct=application%2Fvnd.edge.batch.v1&$.mid=edge-gw%2F42&edge-gateway=edge-gw&edge-seq=42", topic);
        Assert.Equal(body, payload);
        // Mosquitto's log of the CONNECT: client id = device id, clean session, keep-alive 230 s, the documented user name.
        Assert.Equal(1, broker.CountLog($"as {Device} (p2, c1, k230, u'{UserName}')"));
    }

    [Fact]
    public async Task SendAsync_OpenConnection_WireBytesArePublishAndPuback()
    {
        using var broker = await IotHubMosquitto.StartAsync(_dir.Path, UserName, ExpectedSas.Token(Hub, Device, Key, Start.AddHours(1)));
        await using var link = Link(broker.Port);
        var first = await link.SendAsync(new OutboundBatch(1, new byte[10]), CancellationToken.None);
        var body = new byte[300];

        var second = await link.SendAsync(new OutboundBatch(2, body), CancellationToken.None);

        Assert.Equal(LinkOutcome.Acknowledged, second.Outcome);
        // MQTT 3.1.1 §3.3: PUBLISH = 1 header byte + remaining length (§2.2.3 varint) + 2 + topic + 2 (packet id) + body;
        // §3.4: PUBACK = 4 bytes. No TLS on this listener.
        var topic = "devices/gw-01/messages/events/$.ct=application%2Fvnd.edge.batch.v1&$.mid=edge-gw%2F2&edge-gateway=edge-gw&edge-seq=2";
        var remaining = 2 + topic.Length + 2 + body.Length;
        Assert.InRange(remaining, 128, 16383); // two length bytes
        Assert.Equal(1 + 2 + remaining + 4, second.WireBytes);
        Assert.True(first.WireBytes > 1 + 2 + 10 + 4, "the first send also carries CONNECT and CONNACK");
        Assert.Equal(first.WireBytes + second.WireBytes, link.Health.WireBytes);
    }

    [Fact]
    public async Task SendAsync_WrongKey_RefusedConnectionIsTransientAndDown()
    {
        using var broker = await IotHubMosquitto.StartAsync(_dir.Path, UserName, ExpectedSas.Token(Hub, Device, Key, Start.AddHours(1)));
        await using var observer = await HubObserver.ObserveAsync(broker.Port);
        await using var link = Link(broker.Port, o => o.SharedAccessKey = Convert.ToBase64String(new byte[32]));

        var result = await link.SendAsync(new OutboundBatch(7, [1, 2, 3]), CancellationToken.None);

        Assert.Equal(LinkOutcome.Transient, result.Outcome);
        Assert.Contains("refused", result.Detail + link.Health.LastDetail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(LinkState.Down, link.Health.State);
        Assert.Equal(1, link.Health.ConsecutiveFailures);
        await Task.Delay(300);
        Assert.Empty(observer.Received);
    }

    [Fact]
    public async Task SendAsync_BrokerDownThenBack_NotAcknowledgedWhileDownThenDelivered()
    {
        using var broker = await IotHubMosquitto.StartAsync(_dir.Path, UserName, ExpectedSas.Token(Hub, Device, Key, Start.AddHours(1)));
        await using var link = Link(broker.Port);
        Assert.Equal(LinkOutcome.Acknowledged, (await link.SendAsync(new OutboundBatch(1, [1]), CancellationToken.None)).Outcome);

        broker.Stop();
        var down = await link.SendAsync(new OutboundBatch(2, [2, 2]), CancellationToken.None);
        var stillDown = await link.ProbeAsync(CancellationToken.None);

        Assert.Equal(LinkOutcome.Transient, down.Outcome);
        Assert.Equal(LinkOutcome.Transient, stillDown.Outcome);
        Assert.Equal(LinkState.Down, link.Health.State);

        await broker.StartAsync();
        await using var observer = await HubObserver.ObserveAsync(broker.Port);
        var back = await link.SendAsync(new OutboundBatch(2, [2, 2]), CancellationToken.None);

        Assert.Equal(LinkOutcome.Acknowledged, back.Outcome);
        Assert.Equal(LinkState.Up, link.Health.State);
        await Wait.UntilAsync(() => observer.Received.Count == 1, TimeSpan.FromSeconds(10), "batch 2 after the broker came back");
        Assert.EndsWith("&edge-seq=2", observer.Received[0].Topic, StringComparison.Ordinal);
        Assert.Equal(new byte[] { 2, 2 }, observer.Received[0].Payload);
    }

    [Fact]
    public async Task SendAsync_TokenDueForRenewal_DisconnectsAndReconnectsWithFreshToken()
    {
        // Broker A accepts only the first token, broker B only the renewed one; a relay sends new connections to B
        // once the first connection is up, so the second CONNECT proves both the renewal and the new token.
        using var dirB = new TempDir();
        var renewed = Start.AddMinutes(56).AddHours(1);
        using var brokerA = await IotHubMosquitto.StartAsync(_dir.Path, UserName, ExpectedSas.Token(Hub, Device, Key, Start.AddHours(1)));
        using var brokerB = await IotHubMosquitto.StartAsync(dirB.Path, UserName, ExpectedSas.Token(Hub, Device, Key, renewed));
        await using var relay = new SwitchRelay(brokerA.Port);
        await using var link = Link(relay.Port);
        Assert.Equal(LinkOutcome.Acknowledged, (await link.SendAsync(new OutboundBatch(1, [1]), CancellationToken.None)).Outcome);
        Assert.Equal(Start.AddHours(1), link.TokenExpiresAt);
        relay.TargetPort = brokerB.Port;

        // 54 minutes on: 6 minutes left, more than TokenRenewBefore (5): the connection to A stays.
        _time.Advance(TimeSpan.FromMinutes(54));
        Assert.Equal(LinkOutcome.Acknowledged, (await link.SendAsync(new OutboundBatch(2, [2]), CancellationToken.None)).Outcome);
        Assert.Equal(1, link.Connects);

        // 56 minutes on: due; the link says DISCONNECT to A and connects (to B) with the token expiring at 56 min + 1 h.
        _time.Advance(TimeSpan.FromMinutes(2));
        var result = await link.SendAsync(new OutboundBatch(3, [3]), CancellationToken.None);

        Assert.Equal(LinkOutcome.Acknowledged, result.Outcome);
        Assert.Equal(2, link.Connects);
        Assert.Equal(renewed, link.TokenExpiresAt);
        Assert.Equal(1, brokerA.CountLog($"Client {Device} disconnected."));
        Assert.Equal(2, brokerA.CountLog($"Received PUBLISH from {Device}"));
        Assert.Equal(1, brokerB.CountLog($"Received PUBLISH from {Device}"));
    }

    [Fact]
    public async Task SendAsync_TlsWithConfiguredCa_DeliveredAndEveryRelayedByteCounted()
    {
        var (ca, cert, key) = TestCertificates.Create(_dir.Path, "hub");
        using var broker = await IotHubMosquitto.StartAsync(_dir.Path, UserName, ExpectedSas.Token(Hub, Device, Key, Start.AddHours(1)), (cert, key));
        await using var relay = new SwitchRelay(broker.Port);
        await using var link = Link(relay.Port, o =>
        {
            o.UseTls = true;
            o.BrokerHost = "localhost";
            o.CaCertificatePath = ca;
        });
        var body = new byte[1000];

        var result = await link.SendAsync(new OutboundBatch(5, body), CancellationToken.None);

        Assert.Equal(LinkOutcome.Acknowledged, result.Outcome);
        Assert.Equal(1, broker.CountLog($"Received PUBLISH from {Device}"));
        // The relay in front of the broker counts the TCP stream independently: TLS handshake and records included.
        await Wait.UntilAsync(() => relay.Bytes == link.Health.WireBytes, TimeSpan.FromSeconds(5), $"relay {relay.Bytes} = link {link.Health.WireBytes}");
        Assert.Equal(relay.Bytes, result.WireBytes);
        Assert.True(result.WireBytes > body.Length + 500, "a TLS handshake costs more than 500 bytes");
    }

    [Fact]
    public async Task SendAsync_TlsBrokerCertificateFromOtherCa_RefusedBeforeConnect()
    {
        var (_, cert, key) = TestCertificates.Create(_dir.Path, "hub");
        var (otherCa, _, _) = TestCertificates.Create(_dir.Path, "other");
        using var broker = await IotHubMosquitto.StartAsync(_dir.Path, UserName, ExpectedSas.Token(Hub, Device, Key, Start.AddHours(1)), (cert, key));
        await using var link = Link(broker.Port, o =>
        {
            o.UseTls = true;
            o.BrokerHost = "localhost";
            o.CaCertificatePath = otherCa;
        });

        var result = await link.SendAsync(new OutboundBatch(5, [5]), CancellationToken.None);

        Assert.Equal(LinkOutcome.Transient, result.Outcome);
        Assert.Equal(LinkState.Down, link.Health.State);
        Assert.Equal(0, broker.CountLog("New client connected"));
    }

    [Fact]
    public async Task CloudToDevice_MessageOnDeviceBoundTopic_RaisedWithDecodedProperties()
    {
        using var broker = await IotHubMosquitto.StartAsync(_dir.Path, UserName, ExpectedSas.Token(Hub, Device, Key, Start.AddHours(1)));
        await using var link = Link(broker.Port, o => o.CloudToDevice = true);
        var received = new TaskCompletionSource<CloudToDeviceMessageEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        link.CloudToDeviceReceived += (_, e) => received.TrySetResult(e);
        Assert.Equal(LinkOutcome.Acknowledged, (await link.ProbeAsync(CancellationToken.None)).Outcome);

        await HubObserver.SendToDeviceAsync(broker.Port, "devices/gw-01/messages/devicebound/%24.mid=7&mode=disaster%20on&flag", Encoding.UTF8.GetBytes("{\"v\":3}"));
        var message = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("7", message.Properties["$.mid"]);
        Assert.Equal("disaster on", message.Properties["mode"]);
        Assert.Null(message.Properties["flag"]);
        Assert.Equal("{\"v\":3}", Encoding.UTF8.GetString(message.Payload.Span));
    }

    private AzureIotHubLink Link(int port, Action<AzureIotHubLinkOptions>? change = null)
    {
        var options = new AzureIotHubLinkOptions
        {
            HostName = Hub,
            DeviceId = Device,
            SharedAccessKey = Key,
            BrokerHost = "127.0.0.1",
            Port = port,
            UseTls = false,
            OperationTimeout = TimeSpan.FromSeconds(5),
        };
        change?.Invoke(options);
        return new AzureIotHubLink(options, "edge-gw", _time, NullLogger.Instance);
    }
}
