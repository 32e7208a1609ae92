using System.Buffers;
using System.Net;
using Edge.Uplink;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Edge.HwSim.Demo;

namespace Edge.HwSim.AzureIotHub;

/// <summary>
/// The cloud side of the Azure IoT Hub path when a Mosquitto with IoT Hub's topic layout stands in for the hub:
/// reads every device's <c>devices/+/messages/events/#</c> (what the hub's built-in events endpoint would hand a
/// consumer) and POSTs each batch body to the ingest exactly as the HTTP uplink does (<c>POST /v1/batches</c>,
/// <c>application/vnd.edge.batch.v1</c>, <c>X-Api-Key</c>). It holds the broker's delivery (QoS 1, persistent
/// session) until the ingest answered, retrying transient failures for <see cref="RetryFor"/>, so the broker
/// redelivers what a stopped bridge had not passed on. The ingest's deduplication makes repeats harmless.
/// </summary>
public sealed partial class IotHubIngestBridge : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Uri _batches;
    private readonly string _apiKey;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<long> _posted = [];

    private IotHubIngestBridge(IMqttClient client, string ingestUrl, string apiKey, ILogger logger)
    {
        _client = client;
        _batches = new Uri(ingestUrl.TrimEnd('/') + "/v1/batches");
        _apiKey = apiKey;
        _logger = logger;
    }

    /// <summary>Longest the bridge keeps retrying a POST that failed transiently before it lets the message go.</summary>
    public TimeSpan RetryFor { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Batch sequences the ingest answered 200 for, in order (duplicates included).</summary>
    public IReadOnlyList<long> Posted
    {
        get
        {
            lock (_posted)
            {
                return [.. _posted];
            }
        }
    }

    /// <summary>Connects to the broker as <paramref name="user"/> (persistent session <paramref name="clientId"/>) and starts bridging.</summary>
    public static async Task<IotHubIngestBridge> StartAsync(
        string brokerHost, int port, string clientId, string user, string password, string ingestUrl, string apiKey, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ingestUrl);
        var client = new MqttClientFactory().CreateMqttClient();
        var bridge = new IotHubIngestBridge(client, ingestUrl, apiKey, logger ?? NullLogger.Instance);
        client.ApplicationMessageReceivedAsync += bridge.OnMessageAsync;
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(brokerHost, port)
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId(clientId)
            .WithCredentials(user, password)
            .WithCleanSession(false)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();
        try
        {
            await client.ConnectAsync(options, cancellationToken);
            await client.SubscribeAsync(
                new MqttClientSubscribeOptionsBuilder().WithTopicFilter("devices/+/messages/events/#", MqttQualityOfServiceLevel.AtLeastOnce).Build(), cancellationToken);
        }
        catch
        {
            await bridge.DisposeAsync();
            throw;
        }

        return bridge;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync();
        }

        _client.Dispose();
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var body = e.ApplicationMessage.Payload.ToArray();
        long sequence;
        try
        {
            sequence = BatchCodec.ReadHeader(body).Sequence;
        }
        catch (BatchFormatException ex)
        {
            LogUnreadable(_logger, ex, e.ApplicationMessage.Topic);
            return;
        }

        var deadline = DateTime.UtcNow + RetryFor;
        var wait = TimeSpan.FromMilliseconds(200);
        while (!_stop.IsCancellationRequested)
        {
            var status = await PostAsync(body, _stop.Token);
            if (status == HttpStatusCode.OK)
            {
                lock (_posted)
                {
                    _posted.Add(sequence);
                }

                return;
            }

            if (status is { } refused && (int)refused is >= 400 and < 500 && refused != HttpStatusCode.TooManyRequests)
            {
                LogRefused(_logger, sequence, (int)refused);
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                LogGaveUp(_logger, sequence);
                return;
            }

            await Task.Delay(wait, _stop.Token);
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, TimeSpan.FromSeconds(10).Ticks));
        }
    }

    private Task<HttpStatusCode?> PostAsync(byte[] body, CancellationToken cancellationToken) =>
        IngestBatchPost.SendAsync(_http, _batches, _apiKey, body, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "message on {Topic} is not a batch; dropped")]
    private static partial void LogUnreadable(ILogger logger, Exception error, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ingest refused batch {Sequence} ({Status})")]
    private static partial void LogRefused(ILogger logger, long sequence, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ingest did not take batch {Sequence}; giving up")]
    private static partial void LogGaveUp(ILogger logger, long sequence);
}
