using System.Buffers;
using System.Collections.Concurrent;
using Edge.Gateway.Tests.Support;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Edge.Gateway.Tests.Southbound;

/// <summary>
/// The broker lets a device subscribe only under its own <c>edge/v1/{id}/</c>: a real MQTT client (MQTTnet) as device
/// pm-000001 next to pm-000002's retained configuration.
/// </summary>
public sealed class SubscriptionAclTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(MqttProtocolVersion.V500, MqttClientSubscribeResultCode.NotAuthorized)]
    [InlineData(MqttProtocolVersion.V311, MqttClientSubscribeResultCode.UnspecifiedError)] // 3.1.1 §3.9.3: 0x80 failure
    public async Task Subscribe_OtherDevicesConfigOrWildcards_RefusedOwnConfigGrantedWithRetainedPayload(MqttProtocolVersion version, MqttClientSubscribeResultCode refused)
    {
        await using var gateway = await GatewayUnderTest.StartAsync(_dir.Path, s => s["Edge:Gateway:Control:DisasterFile"] = _dir.File("disaster"));
        using var client = await DeviceClient.ConnectAsync(gateway.Port, Frames.Device, GatewayConfig.Password1, version);
        var received = new ConcurrentQueue<(string Topic, byte[] Payload)>();
        client.ApplicationMessageReceivedAsync += e =>
        {
            received.Enqueue((e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray()));
            return Task.CompletedTask;
        };

        string[] forbidden =
        [
            $"edge/v1/{GatewayConfig.Device2}/config", "edge/v1/+/config", "#", "edge/#", "edge/v1/#", "+/v1/pm-000001/config",
            "$share/g/edge/v1/pm-000001/config", "$SYS/#",
        ];
        foreach (var filter in forbidden)
        {
            var result = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build());
            var code = Assert.Single(result.Items).ResultCode;
            if (filter.StartsWith("$share/", StringComparison.Ordinal))
            {
                // MQTTnet itself answers an MQTT 5 shared subscription with 0x9E before asking us; refused either way.
                Assert.Contains(code, new[] { refused, MqttClientSubscribeResultCode.SharedSubscriptionsNotSupported });
            }
            else
            {
                Assert.Equal(refused, code);
            }
        }

        var own = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter($"edge/v1/{Frames.Device}/config", MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, Assert.Single(own.Items).ResultCode);

        // The gateway's own profile: version 0, 3600 s, 3600 s, no disaster (RFC 8949 §3 by hand: 3600 = 19 0E 10).
        await Wait.UntilAsync(() => !received.IsEmpty, TimeSpan.FromSeconds(20), "the retained configuration");
        await Task.Delay(300); // anything another device's topic would deliver arrives by now
        var (topic, payload) = Assert.Single(received);
        Assert.Equal($"edge/v1/{Frames.Device}/config", topic);
        Assert.Equal(Hex.Bytes("A4 01 00 02 19 0E 10 03 19 0E 10 04 F4"), payload);
    }
}
