using System;
using System.Threading;
using Edge.Firmware.Hardware;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace Edge.Firmware.Mqtt;

/// <summary>
/// The host build's <see cref="IUplink"/> over MQTTnet: QoS 1 publishes that return true only when the
/// broker's PUBACK reports success. The device build implements the same interface over M2Mqtt.
/// </summary>
public sealed class MqttUplink : IUplink, IDisposable
{
    private readonly MqttUplinkOptions _options;
    private readonly IMqttClient _client;

    /// <summary>Creates the uplink; nothing connects until <see cref="Connect"/>.</summary>
    public MqttUplink(MqttUplinkOptions options)
    {
        _options = options;
        _client = new MqttClientFactory().CreateMqttClient();
    }

    /// <summary>Reason code of the last refused publish (for diagnostics), or null.</summary>
    public MqttClientPublishReasonCode? LastRefusal { get; private set; }

    /// <inheritdoc />
    public bool IsConnected => _client.IsConnected;

    /// <inheritdoc />
    public bool Connect()
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.Host, _options.Port)
            .WithCredentials(_options.Username, _options.Password)
            .WithClientId(_options.ClientId ?? _options.Username)
            .WithProtocolVersion(_options.ProtocolVersion)
            .WithCleanSession(true)
            .WithTimeout(TimeSpan.FromMilliseconds(_options.ConnectTimeoutMs))
            .Build();
        try
        {
            using var cts = new CancellationTokenSource(_options.ConnectTimeoutMs);
            var result = _client.ConnectAsync(options, cts.Token).GetAwaiter().GetResult();
            return result.ResultCode == MqttClientConnectResultCode.Success;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public bool Publish(string topic, byte[] payload, int count, int timeoutMs)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(new ArraySegment<byte>(payload, 0, count))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        try
        {
            using var cts = new CancellationTokenSource(timeoutMs);
            var result = _client.PublishAsync(message, cts.Token).GetAwaiter().GetResult();
            LastRefusal = result.IsSuccess ? null : result.ReasonCode;
            return result.IsSuccess;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return false;
        }
    }

    /// <summary>Closes the session.</summary>
    public void Disconnect()
    {
        try
        {
            if (_client.IsConnected)
            {
                _client.DisconnectAsync().GetAwaiter().GetResult();
            }
        }
        catch (MqttCommunicationException)
        {
            // Already gone: nothing to close.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Disconnect();
        _client.Dispose();
    }
}
