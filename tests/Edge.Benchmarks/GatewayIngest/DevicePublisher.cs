using System.Diagnostics;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Edge.Benchmarks.GatewayIngest;

/// <summary>
/// One simulated device: an MQTTnet client (MQTT 5) that publishes its frames at QoS 1, one at a time, each
/// as soon as the previous PUBACK came back. Counts the frames whose success PUBACK arrived inside the
/// measured window. A refused frame or a lost connection fails the benchmark.
/// </summary>
internal sealed class DevicePublisher(string deviceId, string password, int readingsPerFrame, int seed)
{
    private readonly FrameSource _frames = new(deviceId, readingsPerFrame, seed);
    private readonly string _topic = $"edge/v1/{deviceId}/up";
    private IMqttClient? _client;

    /// <summary>Readings whose PUBACK (success) arrived inside the window.</summary>
    public long WindowReadings { get; private set; }

    /// <summary>Frames whose PUBACK (success) arrived inside the window.</summary>
    public long WindowFrames { get; private set; }

    /// <summary>Frames acknowledged with success in the whole run.</summary>
    public long AllFrames { get; private set; }

    /// <summary>Publish-to-PUBACK times (ms) of the frames counted in the window.</summary>
    public List<double> WindowLatenciesMs { get; } = [];

    public async Task ConnectAsync(int port)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCredentials(deviceId, password)
            .WithClientId(deviceId)
            .WithCleanStart(true)
            .WithTimeout(TimeSpan.FromSeconds(60))
            .Build();
        _client = new MqttClientFactory().CreateMqttClient();
        var result = await _client.ConnectAsync(options).ConfigureAwait(false);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
        {
            throw new InvalidOperationException($"{deviceId}: connection refused ({result.ResultCode})");
        }
    }

    /// <summary>Publishes until <paramref name="untilTimestamp"/>; counts PUBACKs in [fromTimestamp, untilTimestamp).</summary>
    public async Task RunAsync(long fromTimestamp, long untilTimestamp)
    {
        var client = _client ?? throw new InvalidOperationException("connect first");
        while (Stopwatch.GetTimestamp() < untilTimestamp)
        {
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(_topic)
                .WithPayload(_frames.Next())
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            var sent = Stopwatch.GetTimestamp();
            var result = await client.PublishAsync(message).ConfigureAwait(false);
            var acked = Stopwatch.GetTimestamp();
            if (!result.IsSuccess)
            {
                throw new InvalidOperationException($"{deviceId}: frame refused with PUBACK {result.ReasonCode} '{result.ReasonString}'");
            }

            AllFrames++;
            if (acked >= fromTimestamp && acked < untilTimestamp)
            {
                WindowFrames++;
                WindowReadings += readingsPerFrame;
                WindowLatenciesMs.Add(Stopwatch.GetElapsedTime(sent, acked).TotalMilliseconds);
            }
        }
    }

    public async Task DisconnectAsync()
    {
        if (_client is { } client)
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync().ConfigureAwait(false);
            }

            client.Dispose();
            _client = null;
        }
    }
}
