using Edge.Firmware.Host.Serial;
using Edge.Gateway.Hosting;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Links.Iridium;

/// <summary>
/// The Iridium link as the gateway host runs it: opens the configured serial port on first use (a USB adapter that
/// is missing at start only makes sends transient, it does not stop the gateway), then sends through
/// <see cref="IridiumSbdLink"/>. After a modem failure the port is closed and opened again on the next send.
/// </summary>
internal sealed class IridiumPortLink(IOptions<GatewayOptions> options, TimeProvider time, ILoggerFactory loggers) : ILink, ISatelliteControl, IDisposable
{
    private readonly IridiumLinkOptions _options = options.Value.Links.Iridium;
    private readonly LinkHealth _closedHealth = new();
    private PosixSerialPort? _port;
    private IridiumModem? _modem;
    private IridiumSbdLink? _link;

    /// <inheritdoc />
    public string Name => "iridium";

    /// <inheritdoc />
    public int MaxMessageBytes => _options.MaxMessageBytes;

    /// <inheritdoc />
    public LinkHealth Health => _link?.Health ?? _closedHealth;

    /// <inheritdoc />
    public long EstimateWireBytes(int bodyBytes) => IridiumSbdLink.EstimateWireBytes(_options, bodyBytes);

    /// <inheritdoc />
    public event EventHandler<byte[]>? ControlReceived;

    /// <inheritdoc />
    public async Task<LinkResult> SendAsync(OutboundBatch batch, CancellationToken cancellationToken)
    {
        if (Open() is { } failed)
        {
            return failed;
        }

        return Closing(await _link!.SendAsync(batch, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<LinkResult> CheckMailboxAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        if (Open() is { } failed)
        {
            return failed;
        }

        return Closing(await _link!.CheckMailboxAsync(wait, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<LinkResult> SendControlAsync(byte[] message, long? maxWireBytes, CancellationToken cancellationToken)
    {
        if (Open() is { } failed)
        {
            return failed;
        }

        return Closing(await _link!.SendControlAsync(message, maxWireBytes, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Opens the port and the link when closed; the failure when it cannot.</summary>
    private LinkResult? Open()
    {
        if (_link is not null)
        {
            return null;
        }

        try
        {
            _port = new PosixSerialPort(_options.Port);
            _modem = new IridiumModem(_port, _options.Modem, time, loggers.CreateLogger<IridiumModem>());
            _link = new IridiumSbdLink(_modem, _options, time, loggers.CreateLogger<IridiumSbdLink>());
            _link.ControlReceived += OnControl;
            return null;
        }
        catch (IOException ex)
        {
            Close();
            var detail = $"cannot open the Iridium modem at {_options.Port}: {ex.Message}";
            _closedHealth.RecordFailure(time.GetUtcNow(), detail);
            return new LinkResult(LinkOutcome.Transient, detail, 0);
        }
    }

    /// <summary>After a modem failure the port is closed, to be opened afresh next time.</summary>
    private LinkResult Closing(LinkResult result)
    {
        if (result.Outcome == LinkOutcome.Transient && result.Detail.StartsWith("modem:", StringComparison.Ordinal))
        {
            Close();
        }

        return result;
    }

    private void OnControl(object? sender, byte[] message) => ControlReceived?.Invoke(this, message);

    /// <summary>Closes the port.</summary>
    public void Dispose() => Close();

    private void Close()
    {
        if (_link is not null)
        {
            _link.ControlReceived -= OnControl;
        }

        _link?.Dispose();
        _modem?.Dispose();
        _port?.Dispose();
        _link = null;
        _modem = null;
        _port = null;
    }
}
