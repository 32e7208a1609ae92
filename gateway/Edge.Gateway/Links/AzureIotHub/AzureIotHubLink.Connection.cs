using System.Buffers;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace Edge.Gateway.Links.AzureIotHub;

/// <summary>The MQTT connection: CONNECT with a SAS token, renewal before expiry, the cloud-to-device subscription.</summary>
internal sealed partial class AzureIotHubLink
{
    private IMqttClient? _client;
    private DateTimeOffset _tokenExpiresAt;
    private X509Certificate2Collection? _roots;
    private int _connects;
    private int _disposed;

    /// <summary>CONNECTs the hub accepted since start (each with a fresh token).</summary>
    public int Connects => Volatile.Read(ref _connects);

    /// <summary>Expiry (<c>se</c>) of the token of the current connection.</summary>
    public DateTimeOffset TokenExpiresAt => _tokenExpiresAt;

    /// <summary>True while the MQTT connection is open.</summary>
    public bool IsConnected => _client?.IsConnected == true;

    /// <summary>Closes the connection (DISCONNECT when it is still open).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await DropConnectionAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        _gate.Dispose();
        foreach (var root in _roots ?? [])
        {
            root.Dispose();
        }
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Leaves an open connection whose token is not yet due for renewal alone; otherwise (re)connects with a token
    /// valid for <see cref="AzureIotHubLinkOptions.TokenLifetime"/>. Returns null when connected, else why not.
    /// Called with <see cref="_gate"/> held.
    /// </summary>
    private async Task<string?> EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_client is { IsConnected: true } && now < _tokenExpiresAt - _options.TokenRenewBefore)
        {
            return null;
        }

        if (_client is not null)
        {
            LogRenewing(_logger, Name, _client.IsConnected);
            await DropConnectionAsync().ConfigureAwait(false);
        }

        var expiresAt = now + _options.TokenLifetime;
        MqttClientOptions options;
        try
        {
            options = BuildOptions(expiresAt);
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or CryptographicException or UnauthorizedAccessException)
        {
            return $"cannot prepare the connection to {Broker}: {ex.Message}";
        }

        var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += OnMessageAsync;
        try
        {
            var result = await client.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                client.Dispose();
                return $"{Broker} refused the connection: {result.ResultCode}";
            }

            if (_options.CloudToDevice)
            {
                var subscribe = new MqttClientSubscribeOptionsBuilder()
                    .WithTopicFilter(IotHubTopics.DeviceBoundFilter(_options.DeviceId), MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build();
                var granted = await client.SubscribeAsync(subscribe, cancellationToken).ConfigureAwait(false);
                if (granted.Items.Any(i => (int)i.ResultCode > (int)MqttClientSubscribeResultCode.GrantedQoS2))
                {
                    await client.DisconnectAsync(new MqttClientDisconnectOptions(), CancellationToken.None).ConfigureAwait(false);
                    client.Dispose();
                    return $"{Broker} refused the cloud-to-device subscription";
                }
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            return $"cannot connect to {Broker}: {Reason(ex)}";
        }
        catch
        {
            client.Dispose();
            throw;
        }

        _client = client;
        _tokenExpiresAt = expiresAt;
        Interlocked.Increment(ref _connects);
        LogConnected(_logger, Name, Broker, expiresAt);
        return null;
    }

    /// <summary>Closes and forgets the client (DISCONNECT when still connected). Called with <see cref="_gate"/> held.</summary>
    private async Task DropConnectionAsync()
    {
        var client = _client;
        _client = null;
        if (client is null)
        {
            return;
        }

        client.ApplicationMessageReceivedAsync -= OnMessageAsync;
        try
        {
            if (client.IsConnected)
            {
                using var timeout = new CancellationTokenSource(_options.OperationTimeout);
                await client.DisconnectAsync(new MqttClientDisconnectOptions(), timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The connection is going away either way; a failed DISCONNECT changes nothing.
            LogDisconnectFailed(_logger, Name, ex.Message);
        }
        finally
        {
            client.Dispose();
        }
    }

    private string Broker => $"{(_options.BrokerHost.Length > 0 ? _options.BrokerHost : _options.HostName)}:{_options.Port}";

    private MqttClientOptions BuildOptions(DateTimeOffset expiresAt)
    {
        var token = IotHubSas.CreateToken(
            IotHubSas.DeviceResourceUri(_options.HostName, _options.DeviceId), _options.SharedAccessKey, _options.SharedAccessKeyName, expiresAt);
        var host = _options.BrokerHost.Length > 0 ? _options.BrokerHost : _options.HostName;
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(host, _options.Port)
            .WithStreamProvider(new MeteredStreamProvider(_options.Interface, _wire))
            .WithProtocolVersion(MqttProtocolVersion.V311)
            .WithClientId(_options.DeviceId)
            .WithCredentials(IotHubTopics.UserName(_options.HostName, _options.DeviceId), token)
            .WithCleanSession(true)
            .WithKeepAlivePeriod(_options.KeepAlive)
            .WithTimeout(_options.OperationTimeout);
        if (_options.UseTls)
        {
            if (_options.CaCertificatePath.Length > 0 && _roots is null)
            {
                var roots = new X509Certificate2Collection();
                roots.ImportFromPemFile(_options.CaCertificatePath);
                _roots = roots;
            }

            builder.WithTlsOptions(tls => tls
                .UseTls()
                .WithTargetHost(host)
                .WithSslProtocols(System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13)
                .WithCertificateValidationHandler(e => Validate(e.Certificate, e.SslPolicyErrors)));
        }

        return builder.Build();
    }

    /// <summary>The system's verdict, or with a CA file: the broker's certificate must chain to it and match the host name.</summary>
    private bool Validate(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (_roots is null)
        {
            return errors == SslPolicyErrors.None;
        }

        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }

    private Task OnMessageAsync(MqttApplicationMessageReceivedEventArgs e)
    {
        var message = e.ApplicationMessage;
        if (!IotHubTopics.TryParseDeviceBound(message.Topic, _options.DeviceId, out var properties))
        {
            LogUnexpectedTopic(_logger, Name, message.Topic);
            return Task.CompletedTask;
        }

        var payload = message.Payload.ToArray();
        try
        {
            CloudToDeviceReceived?.Invoke(this, new CloudToDeviceMessageEventArgs(message.Topic, properties, payload));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A subscriber's failure must not take the link down; the message is logged and acknowledged.
            LogHandlerFailed(_logger, Name, ex);
        }

        return Task.CompletedTask;
    }

    private static string Reason(Exception ex) =>
        ex.InnerException is { } inner && inner.Message.Length > 0 && !ex.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? $"{ex.Message} ({inner.Message})"
            : ex.Message;

    [LoggerMessage(Level = LogLevel.Information, Message = "{Link}: connected to {Broker}, token valid until {ExpiresAt:o}")]
    private static partial void LogConnected(ILogger logger, string link, string broker, DateTimeOffset expiresAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Link}: reconnecting with a fresh token (connection open: {Open})")]
    private static partial void LogRenewing(ILogger logger, string link, bool open);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Link}: DISCONNECT failed: {Detail}")]
    private static partial void LogDisconnectFailed(ILogger logger, string link, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Link}: ignored a message on unexpected topic {Topic}")]
    private static partial void LogUnexpectedTopic(ILogger logger, string link, string topic);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Link}: a cloud-to-device handler failed")]
    private static partial void LogHandlerFailed(ILogger logger, string link, Exception exception);
}
