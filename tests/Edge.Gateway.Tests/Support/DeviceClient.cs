using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Edge.Gateway.Tests.Support;

/// <summary>An MQTTnet client acting as a device.</summary>
internal static class DeviceClient
{
    /// <summary>Connects; throws when the broker refuses the connection.</summary>
    public static async Task<IMqttClient> ConnectAsync(int port, string user, string password, MqttProtocolVersion version = MqttProtocolVersion.V500)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        try
        {
            var result = await client.ConnectAsync(Options(port, user, password, version));
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new InvalidOperationException($"connection refused: {result.ResultCode}");
            }
        }
        catch
        {
            client.Dispose();
            throw;
        }

        return client;
    }

    /// <summary>Tries to connect and returns the broker's CONNACK result.</summary>
    public static async Task<MqttClientConnectResult> ConnectResultAsync(int port, string user, string password, MqttProtocolVersion version)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        return await client.ConnectAsync(Options(port, user, password, version));
    }

    private static MqttClientOptions Options(int port, string user, string password, MqttProtocolVersion version) =>
        new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(version)
            .WithCredentials(user, password)
            .WithClientId(user)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();

    public static Task<MqttClientPublishResult> PublishAsync(this IMqttClient client, string topic, byte[] payload) =>
        client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());

    public static string Topic(string device) => $"edge/v1/{device}/up";
}
