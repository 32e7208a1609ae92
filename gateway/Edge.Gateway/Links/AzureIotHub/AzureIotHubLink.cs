using System.Globalization;
using Edge.Gateway.Hosting;
using Edge.Gateway.Links.Ip;
using Edge.Uplink;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;

namespace Edge.Gateway.Links.AzureIotHub;

/// <summary>
/// Sends batches to Azure IoT Hub over MQTT 3.1.1 the way Microsoft's "Communicate with an IoT hub using the MQTT
/// protocol" describes, without the device SDK: one QoS 1 PUBLISH per batch to
/// <c>devices/{device-id}/messages/events/{property_bag}</c>, acknowledged when the hub's PUBACK arrives (at least
/// once; the ingest deduplicates by the batch id carried in the properties). The connection stays open between
/// batches and is opened again with a fresh SAS token before the current one expires. Bytes are counted on the TCP
/// stream, so budgets see TLS, MQTT framing, keep-alives and cloud-to-device traffic.
/// </summary>
internal sealed partial class AzureIotHubLink : ILink, ILinkProbe, IAsyncDisposable, IDisposable
{
    /// <summary>IoT Hub's largest device-to-cloud message (body and properties): 256 KB.</summary>
    public const int HubMessageLimitBytes = 256 * 1024;

    /// <summary>Kept from <see cref="HubMessageLimitBytes"/> for the properties (topic) IoT Hub counts in the message size.</summary>
    public const int PropertyAllowanceBytes = 1024;

    // Until a publish has been measured: fixed header, topic, packet id, PUBACK, TLS record overhead.
    private const long InitialOverheadBytes = 256;

    private readonly AzureIotHubLinkOptions _options;
    private readonly string _gatewayId;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly WireCounter _wire = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _charged;
    private long _overhead = InitialOverheadBytes;

    public AzureIotHubLink(IOptions<GatewayOptions> options, TimeProvider time, ILogger<AzureIotHubLink> logger)
        : this(options.Value.Links.AzureIotHub, options.Value.Id, time, logger)
    {
    }

    internal AzureIotHubLink(AzureIotHubLinkOptions options, string gatewayId, TimeProvider time, ILogger logger)
    {
        _options = options;
        _gatewayId = gatewayId;
        _time = time;
        _logger = logger;
        Name = options.Name;
    }

    /// <summary>A cloud-to-device message arrived (only with <see cref="AzureIotHubLinkOptions.CloudToDevice"/>).</summary>
    public event EventHandler<CloudToDeviceMessageEventArgs>? CloudToDeviceReceived;

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>IoT Hub's 256 KB message limit less an allowance for the property bag.</summary>
    public int MaxMessageBytes => HubMessageLimitBytes - PropertyAllowanceBytes;

    /// <inheritdoc />
    public LinkHealth Health { get; } = new();

    /// <summary>Largest batch cut for the link: the policy's size, else <c>Batch:MaxBytes</c> (0: no limit), never over <see cref="MaxMessageBytes"/>.</summary>
    public static int BatchBytes(Routing.LinkPolicyOptions policy, int batchMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(policy);
        const int limit = HubMessageLimitBytes - PropertyAllowanceBytes;
        var wanted = policy.MaxMessageBytes > 0 ? policy.MaxMessageBytes : batchMaxBytes;
        return wanted > 0 ? Math.Min(wanted, limit) : limit;
    }

    /// <summary>Bytes through the link's TCP connections since start.</summary>
    public long WireBytes => _wire.Bytes;

    /// <inheritdoc />
    public long EstimateWireBytes(int bodyBytes) => bodyBytes + Interlocked.Read(ref _overhead);

    /// <inheritdoc />
    public async Task<LinkResult> SendAsync(OutboundBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Body.Length > MaxMessageBytes)
        {
            var detail = $"batch {batch.Sequence} has {batch.Body.Length} bytes, more than IoT Hub's {MaxMessageBytes} per message";
            Health.RecordFailure(_time.GetUtcNow(), detail);
            return new LinkResult(LinkOutcome.Refused, detail, Charge());
        }

        if (batch.MaxWireBytes is { } allowance && EstimateWireBytes(batch.Body.Length) > allowance)
        {
            return new LinkResult(LinkOutcome.Deferred, $"batch {batch.Sequence} needs about {EstimateWireBytes(batch.Body.Length)} wire bytes, {allowance} left", Charge());
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var started = _time.GetTimestamp();
            var before = _wire.Bytes;
            var failure = await EnsureConnectedAsync(cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                return Failed(failure);
            }

            var publishStart = _wire.Bytes;
            var message = new MqttApplicationMessageBuilder()
                .WithTopic(EventsTopic(batch.Sequence))
                .WithPayload(batch.Body)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
                .Build();
            MqttClientPublishResult result;
            try
            {
                result = await _client!.PublishAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                await DropConnectionAsync().ConfigureAwait(false);
                return Failed($"publish of batch {batch.Sequence} failed: {ex.Message}");
            }

            if (!result.IsSuccess)
            {
                // An MQTT 5 broker may refuse with a reason code; IoT Hub (3.1.1) closes the connection instead.
                await DropConnectionAsync().ConfigureAwait(false);
                return Failed($"publish of batch {batch.Sequence} refused: {result.ReasonCode} {result.ReasonString}");
            }

            // The publish's own cost (PUBLISH, PUBACK, TLS records) for the next budget estimate; connection set-up is not in it.
            Interlocked.Exchange(ref _overhead, Math.Max(16, _wire.Bytes - publishStart - batch.Body.Length));
            var done = $"batch {batch.Sequence} acknowledged by PUBACK ({_wire.Bytes - before} wire bytes)";
            Health.RecordSuccess(_time.GetUtcNow(), _time.GetElapsedTime(started), done);
            LogDelivered(_logger, Name, batch.Sequence, batch.Body.Length);
            return new LinkResult(LinkOutcome.Acknowledged, done, Charge());
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Connects (a fresh token when due) and answers whether the hub accepted the connection.</summary>
    public async Task<LinkResult> ProbeAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var failure = await EnsureConnectedAsync(cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                return Failed(failure);
            }

            return new LinkResult(LinkOutcome.Acknowledged, "connected", Charge());
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The events topic with content type, optional content encoding, message id and the batch id.</summary>
    internal string EventsTopic(long sequence)
    {
        var seq = sequence.ToString(CultureInfo.InvariantCulture);
        var properties = new List<KeyValuePair<string, string>>(5)
        {
            new("$.ct", BatchCodec.ContentType),
        };
        if (_options.ContentEncoding.Length > 0)
        {
            properties.Add(new("$.ce", _options.ContentEncoding));
        }

        properties.Add(new("$.mid", $"{_gatewayId}/{seq}"));
        properties.Add(new("edge-gateway", _gatewayId));
        properties.Add(new("edge-seq", seq));
        return IotHubTopics.Events(_options.DeviceId, properties);
    }

    private LinkResult Failed(string detail)
    {
        Health.RecordFailure(_time.GetUtcNow(), detail);
        LogFailed(_logger, Name, detail);
        return new LinkResult(LinkOutcome.Transient, detail, Charge());
    }

    /// <summary>Wire bytes since the last result: this attempt plus keep-alives and cloud-to-device traffic in between.</summary>
    private long Charge()
    {
        var now = _wire.Bytes;
        var delta = now - Interlocked.Exchange(ref _charged, now);
        Health.AddWireBytes(delta);
        return delta;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Link}: batch {Sequence} ({Bytes} bytes) acknowledged by IoT Hub")]
    private static partial void LogDelivered(ILogger logger, string link, long sequence, int bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Link}: {Detail}")]
    private static partial void LogFailed(ILogger logger, string link, string detail);
}
