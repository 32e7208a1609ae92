using Edge.Gateway.Uplink;

namespace Edge.Gateway.Links.Ip;

/// <summary>
/// HTTP(S) to the ingest through one network interface (a 5G/LTE modem's <c>wwan0</c>, a Starlink terminal's
/// <c>eth1</c>), or through whatever the routing table picks when no interface is named. Wire bytes are counted at
/// the socket (<see cref="CountingStream"/>): request and answer with their headers, TLS when HTTPS, connection
/// set-up included; TCP/IP headers are not. The probe is a GET of the ingest's health endpoint.
/// </summary>
internal sealed class IpLink : ILink, ILinkProbe, IControlHttp, IDisposable
{
    // Until a request has been measured: a request line, a dozen headers and a short JSON answer.
    private const long InitialOverheadBytes = 1024;

    private readonly IngestClient _client;
    private readonly WireCounter _wire = new();
    private readonly TimeProvider _time;
    private readonly string _probePath;
    private long _overhead = InitialOverheadBytes;

    public IpLink(string name, string interfaceName, string url, string apiKey, string probePath, TimeSpan timeout, TimeProvider time)
    {
        Name = name;
        Interface = interfaceName;
        _time = time;
        _probePath = probePath;
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = (context, ct) => InterfaceSocket.ConnectAsync(interfaceName, context.DnsEndPoint, _wire, ct),
        };
        _client = new IngestClient(url, apiKey, timeout, handler);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The interface its sockets are bound to, or empty.</summary>
    public string Interface { get; }

    /// <summary>Any batch the ingest accepts (its <c>MaxBodyBytes</c>, 8 MiB by default).</summary>
    public int MaxMessageBytes => 8 * 1024 * 1024;

    /// <inheritdoc />
    public LinkHealth Health { get; } = new();

    /// <summary>False when no ingest URL is configured.</summary>
    public bool IsConfigured => _client.IsConfigured;

    /// <summary>Bytes through the link's sockets since start.</summary>
    public long WireBytes => _wire.Bytes;

    /// <inheritdoc />
    public long EstimateWireBytes(int bodyBytes) => bodyBytes + Interlocked.Read(ref _overhead);

    /// <inheritdoc />
    public async Task<LinkResult> SendAsync(OutboundBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var before = _wire.Bytes;
        var started = _time.GetTimestamp();
        var result = await _client.PostAsync(batch.Body, cancellationToken).ConfigureAwait(false);
        var wire = _wire.Bytes - before;
        Health.AddWireBytes(wire);
        var outcome = result.Outcome switch
        {
            IngestOutcome.Acknowledged => LinkOutcome.Acknowledged,
            IngestOutcome.Transient => LinkOutcome.Transient,
            _ => LinkOutcome.Refused,
        };
        if (result.Status is not null)
        {
            // Headers and answer as measured (a new connection's set-up included), for the next budget estimate.
            Interlocked.Exchange(ref _overhead, Math.Max(InitialOverheadBytes / 4, wire - batch.Body.Length));
        }

        if (outcome == LinkOutcome.Acknowledged)
        {
            Health.RecordSuccess(_time.GetUtcNow(), _time.GetElapsedTime(started), result.Detail);
        }
        else
        {
            Health.RecordFailure(_time.GetUtcNow(), result.Detail);
        }

        return new LinkResult(outcome, result.Detail, wire, result.RetryAfter);
    }

    /// <inheritdoc />
    public async Task<LinkResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var before = _wire.Bytes;
        var ok = await _client.GetOkAsync(_probePath, cancellationToken).ConfigureAwait(false);
        var wire = _wire.Bytes - before;
        Health.AddWireBytes(wire);
        return new LinkResult(ok ? LinkOutcome.Acknowledged : LinkOutcome.Transient, ok ? "probe answered" : $"probe {_probePath} failed", wire);
    }

    /// <inheritdoc />
    public async Task<ControlHttpResult> ExchangeAsync(HttpMethod method, string path, byte[]? json, string? ifNoneMatch, CancellationToken cancellationToken)
    {
        var before = _wire.Bytes;
        var (status, etag, body, detail) = await _client.ExchangeAsync(method, path, json, ifNoneMatch, cancellationToken).ConfigureAwait(false);
        var wire = _wire.Bytes - before;
        Health.AddWireBytes(wire);
        return new ControlHttpResult(status, etag, body, detail, wire);
    }

    public void Dispose() => _client.Dispose();
}
