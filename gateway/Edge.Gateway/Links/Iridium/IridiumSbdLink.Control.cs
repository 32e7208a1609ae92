using Edge.Uplink.Control;

namespace Edge.Gateway.Links.Iridium;

/// <summary>Remote configuration over SBD: control MT messages, idle mailbox checks and MO reports.</summary>
public sealed partial class IridiumSbdLink : ISatelliteControl
{
    // A mailbox check drains at most this many queued MT messages in one go.
    private const int MaxMailboxSessions = 8;

    /// <inheritdoc />
    public event EventHandler<byte[]>? ControlReceived;

    /// <summary>MT control messages received.</summary>
    public long ControlMessagesReceived { get; private set; }

    /// <inheritdoc />
    public async Task<LinkResult> CheckMailboxAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        if (!await _sending.WaitAsync(0, cancellationToken).ConfigureAwait(false))
        {
            return new LinkResult(LinkOutcome.Deferred, "a send holds the modem; its sessions read MT messages", 0);
        }

        var wireAtStart = _accounted;
        try
        {
            // Ring alerts come only once ring alerts are on (+SBDMTA=1): after a (re)start one mailbox session picks
            // up what was queued while the modem was off or not listening.
            var fresh = !_initialized;
            if (fresh)
            {
                await _modem.InitializeAsync(cancellationToken).ConfigureAwait(false);
                _initialized = true;
            }

            var sessions = 0;
            if (fresh || _mtWaiting || _modem.RingPending || await _modem.WaitForRingAsync(wait, cancellationToken).ConfigureAwait(false))
            {
                do
                {
                    var failure = await SessionAsync(cancellationToken).ConfigureAwait(false);
                    sessions++;
                    if (failure is not null)
                    {
                        return Charged(LinkOutcome.Transient, $"mailbox check: {failure}", wireAtStart);
                    }
                }
                while (_mtWaiting && sessions < MaxMailboxSessions);
            }

            return Charged(LinkOutcome.Acknowledged, sessions == 0 ? "no ring alert" : $"{sessions} mailbox session(s)", wireAtStart);
        }
        catch (IridiumModemException ex)
        {
            _initialized = false;
            return Charged(LinkOutcome.Transient, $"modem: {ex.Message}", wireAtStart);
        }
        finally
        {
            _accounted = _modem.WireBytes;
            _sending.Release();
        }
    }

    /// <inheritdoc />
    public async Task<LinkResult> SendControlAsync(byte[] message, long? maxWireBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Length > _options.MaxMessageBytes)
        {
            return new LinkResult(LinkOutcome.Refused, $"{message.Length} bytes do not fit one MO message of {_options.MaxMessageBytes}", 0);
        }

        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        var wireAtStart = _accounted;
        _wireLimit = maxWireBytes is { } allowance ? wireAtStart + allowance : null;
        try
        {
            if (!_initialized)
            {
                EnsureRoom(InitStep);
                await _modem.InitializeAsync(cancellationToken).ConfigureAwait(false);
                _initialized = true;
            }

            var failure = await WriteAsync(message, cancellationToken).ConfigureAwait(false)
                ?? await SessionAsync(cancellationToken).ConfigureAwait(false);
            EnsureRoom(ClearStep);
            await _modem.ClearBuffersAsync(SbdBuffers.MobileOriginated, cancellationToken).ConfigureAwait(false);
            return failure is null
                ? Charged(LinkOutcome.Acknowledged, "report taken by the Iridium gateway", wireAtStart)
                : Charged(LinkOutcome.Transient, failure, wireAtStart);
        }
        catch (IridiumModemException ex) when (ex.Kind == IridiumModemErrorKind.WireAllowance)
        {
            return Charged(LinkOutcome.Deferred, ex.Message, wireAtStart);
        }
        catch (IridiumModemException ex)
        {
            _initialized = false;
            return Charged(LinkOutcome.Transient, $"modem: {ex.Message}", wireAtStart);
        }
        finally
        {
            _accounted = _modem.WireBytes;
            _wireLimit = null;
            _sending.Release();
        }
    }

    /// <summary>Hands a control MT message on; true when it was one.</summary>
    private bool TakeControl(byte[] message)
    {
        if (message.Length < 2 || message[0] != ControlMessage.DesiredMarker)
        {
            return false;
        }

        ControlMessagesReceived++;
        LogControlMt(_logger, message.Length);
        ControlReceived?.Invoke(this, message);
        return true;
    }

    private LinkResult Charged(LinkOutcome outcome, string detail, long wireAtStart)
    {
        var wire = _modem.WireBytes - wireAtStart;
        Health.AddWireBytes(wire);
        return new LinkResult(outcome, detail, wire);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "MT control message of {Bytes} bytes received")]
    private static partial void LogControlMt(ILogger logger, int bytes);
}
