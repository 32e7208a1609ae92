using System.Buffers;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Edge.Gateway.Tests.Links.AzureIotHub;

/// <summary>The cloud side on the test broker: reads every device's events, or sends cloud-to-device messages.</summary>
internal sealed class HubObserver : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly List<(string Topic, byte[] Payload)> _received = [];

    private HubObserver(IMqttClient client)
    {
        _client = client;
    }

    public IReadOnlyList<(string Topic, byte[] Payload)> Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    /// <summary>Connects as <c>observer</c> and subscribes to <c>devices/+/messages/events/#</c>.</summary>
    public static async Task<HubObserver> ObserveAsync(int port)
    {
        var observer = new HubObserver(await ConnectAsync(port, "observer", IotHubMosquitto.ObserverPassword));
        observer._client.ApplicationMessageReceivedAsync += e =>
        {
            lock (observer._received)
            {
                observer._received.Add((e.ApplicationMessage.Topic, e.ApplicationMessage.Payload.ToArray()));
            }

            return Task.CompletedTask;
        };
        await observer._client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("devices/+/messages/events/#", MqttQualityOfServiceLevel.AtLeastOnce).Build());
        return observer;
    }

    /// <summary>Publishes a cloud-to-device message as user <c>cloud</c>.</summary>
    public static async Task SendToDeviceAsync(int port, string topic, byte[] payload)
    {
        using var client = await ConnectAsync(port, "cloud", IotHubMosquitto.CloudPassword);
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
        await client.DisconnectAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisconnectAsync();
        _client.Dispose();
    }

    private static async Task<IMqttClient> ConnectAsync(int port, string user, string password)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId(user + "-" + Guid.NewGuid().ToString("N")[..8])
            .WithCredentials(user, password)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();
        await client.ConnectAsync(options);
        return client;
    }
}
