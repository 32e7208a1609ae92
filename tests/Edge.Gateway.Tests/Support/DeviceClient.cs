using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Edge.Gateway.Tests.Support;

/// <summary>An MQTTnet client acting as a device.</summary>
internal static class DeviceClient
{
    public static async Task<IMqttClient> ConnectAsync(int port, string user, string password, MqttProtocolVersion version = MqttProtocolVersion.V500)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(version)
            .WithCredentials(user, password)
            .WithClientId(user)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();
        try
        {
            await client.ConnectAsync(options);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        return client;
    }

    public static Task<MqttClientPublishResult> PublishAsync(this IMqttClient client, string topic, byte[] payload) =>
        client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());

    public static string Topic(string device) => $"edge/v1/{device}/up";
}
