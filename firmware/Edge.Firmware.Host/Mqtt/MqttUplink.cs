using System;
using System.Buffers;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Edge.Firmware.Hardware;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace Edge.Firmware.Mqtt;

/// <summary>
/// The host build's <see cref="IUplink"/> over MQTTnet: QoS 1 publishes that return true only when the
/// broker's PUBACK reports success; subscriptions are made again after every connect (clean sessions) and the
/// newest message per topic waits for <see cref="TakeMessage"/>. The device build implements the same interface over M2Mqtt.
/// </summary>
public sealed class MqttUplink : IUplink, IDisposable
{
    private readonly MqttUplinkOptions _options;
    private readonly IMqttClient _client;
    private readonly List<string> _topics = [];
    private readonly Dictionary<string, byte[]> _inbox = new(StringComparer.Ordinal);
    private readonly object _sync = new();

    /// <summary>Creates the uplink; nothing connects until <see cref="Connect"/>.</summary>
    public MqttUplink(MqttUplinkOptions options)
    {
        _options = options;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessageAsync;
    }

    /// <summary>Reason code of the last refused publish (for diagnostics), or null.</summary>
    public MqttClientPublishReasonCode? LastRefusal { get; private set; }

    /// <summary>Result code of the last refused subscription (for diagnostics), or null.</summary>
    public MqttClientSubscribeResultCode? LastSubscribeRefusal { get; private set; }

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
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                return false;
            }

            SubscribeAll(cts.Token);
            return true;
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

    /// <inheritdoc />
    public void Subscribe(string topic)
    {
        lock (_sync)
        {
            if (_topics.Contains(topic))
            {
                return;
            }

            _topics.Add(topic);
        }

        if (_client.IsConnected)
        {
            try
            {
                using var cts = new CancellationTokenSource(_options.ConnectTimeoutMs);
                SubscribeAll(cts.Token);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The next Connect subscribes again.
            }
        }
    }

    /// <inheritdoc />
    public int TakeMessage(string topic, byte[] buffer)
    {
        byte[]? message;
        lock (_sync)
        {
            if (!_inbox.Remove(topic, out message))
            {
                return 0;
            }
        }

        if (message.Length > buffer.Length)
        {
            return -1;
        }

        Array.Copy(message, buffer, message.Length);
        return message.Length;
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

    private void SubscribeAll(CancellationToken cancellationToken)
    {
        string[] topics;
        lock (_sync)
        {
            topics = [.. _topics];
        }

        if (topics.Length == 0)
        {
            return;
        }

        var builder = new MqttClientSubscribeOptionsBuilder();
        foreach (var topic in topics)
        {
            builder.WithTopicFilter(topic, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        var result = _client.SubscribeAsync(builder.Build(), cancellationToken).GetAwaiter().GetResult();
        foreach (var item in result.Items)
        {
            if (item.ResultCode is not (MqttClientSubscribeResultCode.GrantedQoS0 or MqttClientSubscribeResultCode.GrantedQoS1 or MqttClientSubscribeResultCode.GrantedQoS2))
            {
                LastSubscribeRefusal = item.ResultCode;
            }
        }
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var message = e.ApplicationMessage;
        lock (_sync)
        {
            if (_topics.Contains(message.Topic))
            {
                _inbox[message.Topic] = message.Payload.ToArray();
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Disconnect();
        _client.Dispose();
    }
}
