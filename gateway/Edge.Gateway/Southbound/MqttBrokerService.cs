using System.Net;
using System.Net.Sockets;
using Edge.Gateway.Hosting;
using Microsoft.Extensions.Options;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace Edge.Gateway.Southbound;

/// <summary>
/// The embedded MQTT broker (MQTTnet 5) that devices publish their frames to. Devices authenticate with
/// their id as username and a per-device password, and may subscribe only under their own <c>edge/v1/{id}/</c>
/// (<see cref="SubscriptionAcl"/>). Once the broker listens and the host has started, one
/// line <c>gateway ready mqtt={address}:{port}</c> is written to standard output.
/// </summary>
public sealed partial class MqttBrokerService : IHostedService, IDisposable
{
    private const string WantsReasonsKey = "edge.wants-reasons";

    private readonly MqttOptions _options;
    private readonly PublishHandler _publishHandler;
    private readonly DeviceAuthenticator _authenticator;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger<MqttBrokerService> _logger;
    private readonly MqttNetLogBridge _mqttLog;
    private MqttServer? _server;

    internal MqttBrokerService(
        IOptions<GatewayOptions> options,
        PublishHandler publishHandler,
        DeviceAuthenticator authenticator,
        IHostApplicationLifetime lifetime,
        ILoggerFactory loggerFactory)
    {
        _options = options.Value.Mqtt;
        _publishHandler = publishHandler;
        _authenticator = authenticator;
        _lifetime = lifetime;
        _logger = loggerFactory.CreateLogger<MqttBrokerService>();
        _mqttLog = new MqttNetLogBridge(loggerFactory.CreateLogger("MQTTnet"));
    }

    /// <summary>The address and port the broker listens on (the port the system chose when configured as 0); null before start.</summary>
    public IPEndPoint? Endpoint { get; private set; }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var address = IPAddress.Parse(_options.BindAddress);
        var ipv4 = address.AddressFamily == AddressFamily.InterNetwork;
        var factory = new MqttServerFactory(_mqttLog);
        var serverOptions = factory.CreateServerOptionsBuilder()
            .WithDefaultEndpoint()
            .WithDefaultEndpointPort(_options.Port)
            // MQTTnet opens an IPv4 and an IPv6 listener; IPAddress.None switches the other family off.
            .WithDefaultEndpointBoundIPAddress(ipv4 ? address : IPAddress.None)
            .WithDefaultEndpointBoundIPV6Address(ipv4 ? IPAddress.None : address)
            .Build();
        _server = factory.CreateMqttServer(serverOptions, _mqttLog);
        _server.ValidatingConnectionAsync += OnValidatingConnectionAsync;
        _server.ClientConnectedAsync += OnClientConnectedAsync;
        _server.InterceptingPublishAsync += _publishHandler.HandleAsync;
        _server.InterceptingSubscriptionAsync += OnInterceptingSubscriptionAsync;
        await _server.StartAsync().WaitAsync(cancellationToken).ConfigureAwait(false);

        // MQTTnet writes the port it bound back into the endpoint options (it differs when 0 was asked for).
        Endpoint = new IPEndPoint(address, serverOptions.DefaultEndpointOptions.Port);
        LogListening(_logger, Endpoint);
        var endpoint = Endpoint;
        _lifetime.ApplicationStarted.Register(() =>
        {
            Console.Out.WriteLine($"gateway ready mqtt={endpoint}");
            Console.Out.Flush();
        });
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is not null)
        {
            await _server.StopAsync(new MqttServerStopOptions()).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Client id the gateway's own messages (device configuration) are published under.</summary>
    public const string GatewayClientId = "edge-gateway";

    /// <summary>True once the broker listens.</summary>
    public bool IsStarted => _server?.IsStarted == true;

    /// <summary>
    /// Publishes a retained QoS 1 message from the gateway itself (e.g. a device's configuration on
    /// <c>edge/v1/{id}/config</c>): subscribers get it now, devices that subscribe later get it at once.
    /// </summary>
    public async Task PublishRetainedAsync(string topic, byte[] payload, CancellationToken cancellationToken)
    {
        var server = _server is { IsStarted: true } started ? started : throw new InvalidOperationException("the MQTT broker is not running");
        var message = new MQTTnet.MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag()
            .Build();
        await server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = GatewayClientId }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => _server?.Dispose();

    private Task OnValidatingConnectionAsync(ValidatingConnectionEventArgs e)
    {
        if (!_authenticator.IsValid(e.UserName, e.Password))
        {
            LogRefusedConnection(_logger, e.UserName, e.RemoteEndPoint);
            e.ReasonCode = MqttConnectReasonCode.BadUserNameOrPassword;
            return Task.CompletedTask;
        }

        e.SessionItems[WantsReasonsKey] = e.ProtocolVersion != MQTTnet.Formatter.MqttProtocolVersion.V500 || e.RequestProblemInformation;
        return Task.CompletedTask;
    }

    private Task OnInterceptingSubscriptionAsync(InterceptingSubscriptionEventArgs e)
    {
        var session = e.SessionItems[DeviceSession.ItemKey] as DeviceSession;
        var deviceId = session?.DeviceId ?? e.UserName;
        var filter = e.TopicFilter.Topic;
        if (SubscriptionAcl.Allows(deviceId, filter))
        {
            return Task.CompletedTask;
        }

        // MQTT 5 SUBACK 0x87 (§3.9.3); MQTTnet sends 0x80 "failure" to an MQTT 3.1.1 client (§3.9.3 of 3.1.1).
        e.ProcessSubscription = false;
        e.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
        if (session?.WantsReasonStrings != false)
        {
            e.ReasonString = $"device {deviceId} may subscribe only under edge/v1/{deviceId}/";
        }

        LogRefusedSubscription(_logger, deviceId, filter);
        return Task.CompletedTask;
    }

    private Task OnClientConnectedAsync(ClientConnectedEventArgs e)
    {
        // Runs before the connection's first packet after CONNECT is read, on the items of the session in use.
        var wantsReasons = e.SessionItems[WantsReasonsKey] as bool? ?? true;
        e.SessionItems[DeviceSession.ItemKey] = new DeviceSession(e.UserName, e.ProtocolVersion, wantsReasons);
        LogConnected(_logger, e.UserName, e.ProtocolVersion, e.RemoteEndPoint);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "MQTT broker listening on {Endpoint}")]
    private static partial void LogListening(ILogger logger, IPEndPoint endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "refused MQTT connection of '{User}' from {Remote}: bad username or password")]
    private static partial void LogRefusedConnection(ILogger logger, string? user, EndPoint? remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "refused a subscription of device {Device} to '{Filter}': not under its own edge/v1/{Device}/")]
    private static partial void LogRefusedSubscription(ILogger logger, string? device, string filter);

    [LoggerMessage(Level = LogLevel.Information, Message = "device {Device} connected with MQTT {Version} from {Remote}")]
    private static partial void LogConnected(ILogger logger, string device, MQTTnet.Formatter.MqttProtocolVersion version, EndPoint? remote);
}
