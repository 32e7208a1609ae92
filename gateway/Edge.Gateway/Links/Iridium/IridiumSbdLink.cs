using Edge.Gateway.Uplink;

namespace Edge.Gateway.Links.Iridium;

/// <summary>
/// Sends batches over an Iridium 9602/9603: the batch is cut into ≤ 340-byte fragments (SBD-FRAGMENTS.md), each
/// written with +SBDWB and sent with an SBD session once the signal allows, failed sessions are retried with
/// backoff according to their MO status, and the batch counts as delivered only when the cloud endpoint's MT
/// acknowledgement ("batch N stored", sent after the ingest's 200) arrives — by ring alert or in any session's MT
/// slot. The rows of a batch therefore leave the store only when the ingest holds them (gateway promise 2).
/// </summary>
public sealed partial class IridiumSbdLink : ILink, IDisposable
{
    private const int MaxRememberedAcks = 1024;

    // Bytes on the serial wire when nothing fails, counted from the 9602/9603 answer formats (ISU AT Command
    // Reference: verbose answers framed by CR LF, echo off): per fragment AT+CSQ (7 + 16), AT+SBDWB=n with READY,
    // message, checksum and "0"/OK (33 + message), AT+SBDIX with its +SBDIX line and OK (9 + up to 47);
    // per batch AT+SBDD0 (20), SBDRING (9), AT+CSQ (23), AT+SBDIXA (57), AT+SBDRB of the 10-byte ack (29).
    private const int WirePerMessage = 7 + 16 + 33 + 9 + 47;
    private const int WirePerBatch = 20 + 9 + 23 + 57 + 29;

    // Worst case of one step, checked against the allowance before it starts (two unsolicited SBDRING included).
    private const int RingSlack = 2 * 9;
    private const int CsqStep = 7 + 16;
    private const int SessionStep = 10 + 47 + 9 + 2 + 270 + 2 + 6;
    private const int WriteOverhead = 13 + 7 + 2 + 11 + 10; // the last 10: a resync after answer 1 (CR, AT, OK)
    private const int ClearStep = 20;
    private const int InitStep = 2 * (3 + 5 + 6 + 12) + (4 * 6) + 40;

    private readonly IridiumModem _modem;
    private readonly IridiumLinkOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<IridiumSbdLink> _logger;
    private readonly Backoff _backoff;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly Dictionary<long, SbdAck> _acks = [];
    private bool _initialized;
    private bool _mtWaiting;
    private (long Sequence, int Delivered, DateTimeOffset At)? _progress;
    private long _accounted;
    private long? _wireLimit;

    /// <summary>Creates the link over a driver whose port the caller opened.</summary>
    public IridiumSbdLink(IridiumModem modem, IridiumLinkOptions options, TimeProvider time, ILogger<IridiumSbdLink> logger)
    {
        ArgumentNullException.ThrowIfNull(modem);
        ArgumentNullException.ThrowIfNull(options);
        _modem = modem;
        _options = options;
        _time = time;
        _logger = logger;
        _backoff = new Backoff(options.MinBackoff, options.MaxBackoff, Random.Shared);
        _accounted = modem.WireBytes;
    }

    /// <inheritdoc />
    public string Name => "iridium";

    /// <inheritdoc />
    public int MaxMessageBytes => _options.MaxMessageBytes;

    /// <inheritdoc />
    public LinkHealth Health { get; } = new();

    /// <summary>SBD sessions started (+SBDIX/+SBDIXA), successful or not.</summary>
    public long Sessions { get; private set; }

    /// <summary>Sessions that ended with a failure MO status.</summary>
    public long FailedSessions { get; private set; }

    /// <summary>Fragments the Iridium gateway accepted.</summary>
    public long FragmentsSent { get; private set; }

    /// <summary>
    /// Serial-wire bytes of a send without failures: the fragments' messages plus the AT framing of each
    /// (+CSQ, +SBDWB, +SBDIX) and of the acknowledgement (+SBDD0, SBDRING, +CSQ, +SBDIXA, +SBDRB).
    /// </summary>
    public long EstimateWireBytes(int bodyBytes) => EstimateWireBytes(_options, bodyBytes);

    /// <summary>The estimate for a link with <paramref name="options"/>.</summary>
    public static long EstimateWireBytes(IridiumLinkOptions options, int bodyBytes)
    {
        ArgumentNullException.ThrowIfNull(options);
        var room = options.MaxMessageBytes - SbdFragment.HeaderBytes;
        var messages = Math.Max(1, (bodyBytes + room - 1) / room);
        return bodyBytes + ((long)messages * (SbdFragment.HeaderBytes + WirePerMessage)) + WirePerBatch;
    }

    /// <inheritdoc />
    public async Task<LinkResult> SendAsync(OutboundBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        // Bytes since the last send (ring alerts read while idle) count with this one, so the sum is the whole wire.
        var wireAtStart = _accounted;
        _wireLimit = batch.MaxWireBytes is { } allowance ? wireAtStart + allowance : null;
        var started = _time.GetTimestamp();
        try
        {
            var failure = await DeliverAsync(batch, cancellationToken).ConfigureAwait(false);
            var wire = _modem.WireBytes - wireAtStart;
            Health.AddWireBytes(wire);
            if (failure is not null)
            {
                Health.RecordFailure(_time.GetUtcNow(), failure);
                LogNotDelivered(_logger, batch.Sequence, failure, wire);
                return new LinkResult(LinkOutcome.Transient, failure, wire);
            }

            var ack = TakeAck(batch.Sequence)!;
            var detail = $"endpoint: batch {ack.Sequence} {(ack.Status == SbdAckStatus.Stored ? "stored" : "refused")} by the ingest";
            if (ack.Status == SbdAckStatus.Refused)
            {
                Health.RecordFailure(_time.GetUtcNow(), detail);
                return new LinkResult(LinkOutcome.Refused, detail, wire);
            }

            Health.RecordSuccess(_time.GetUtcNow(), _time.GetElapsedTime(started), detail);
            LogDelivered(_logger, batch.Sequence, batch.Body.Length, wire);
            return new LinkResult(LinkOutcome.Acknowledged, detail, wire);
        }
        catch (IridiumModemException ex) when (ex.Kind == IridiumModemErrorKind.WireAllowance)
        {
            var wire = _modem.WireBytes - wireAtStart;
            Health.AddWireBytes(wire);
            LogDeferred(_logger, batch.Sequence, ex.Message, wire);
            return new LinkResult(LinkOutcome.Deferred, ex.Message, wire);
        }
        catch (IridiumModemException ex)
        {
            // The modem or its port failed: start from a known state next time.
            _initialized = false;
            var wire = _modem.WireBytes - wireAtStart;
            Health.AddWireBytes(wire);
            Health.RecordFailure(_time.GetUtcNow(), ex.Message);
            LogModemFailed(_logger, ex, batch.Sequence);
            return new LinkResult(LinkOutcome.Transient, $"modem: {ex.Message}", wire);
        }
        finally
        {
            _accounted = _modem.WireBytes;
            _wireLimit = null;
            _sending.Release();
        }
    }

    /// <summary>Throws <see cref="IridiumModemErrorKind.WireAllowance"/> when a step of <paramref name="bytes"/> could exceed the send's allowance.</summary>
    private void EnsureRoom(int bytes)
    {
        if (_wireLimit is { } limit && _modem.WireBytes + bytes + RingSlack > limit)
        {
            throw new IridiumModemException(IridiumModemErrorKind.WireAllowance, $"wire allowance reached: {_modem.WireBytes - _accounted} of {limit - _accounted} bytes used, the next step may take {bytes}");
        }
    }

    /// <summary>Frees the send gate; the modem and its port belong to the caller.</summary>
    public void Dispose() => _sending.Dispose();

    /// <summary>Null when the acknowledgement for the batch is held; otherwise why not.</summary>
    private async Task<string?> DeliverAsync(OutboundBatch batch, CancellationToken cancellationToken)
    {
        if (!_initialized)
        {
            EnsureRoom(InitStep);
            await _modem.InitializeAsync(cancellationToken).ConfigureAwait(false);
            _initialized = true;
        }

        if (HasAck(batch.Sequence))
        {
            return null;
        }

        var messages = SbdFragmenter.Split(SbdFragmenter.TransferId(batch.Sequence), batch.Body, _options.MaxMessageBytes);
        var first = ResumeAt(batch.Sequence, messages.Count);
        for (var i = first; i < messages.Count; i++)
        {
            var failure = await WriteAsync(messages[i], cancellationToken).ConfigureAwait(false)
                ?? await SessionAsync(cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                return $"fragment {i + 1} of {messages.Count}: {failure}";
            }

            FragmentsSent++;
            _progress = (batch.Sequence, i + 1, _time.GetUtcNow());
        }

        // The MO buffer survives sessions (§ +SBDD): empty it so mailbox checks do not send the last fragment again.
        EnsureRoom(ClearStep);
        await _modem.ClearBuffersAsync(SbdBuffers.MobileOriginated, cancellationToken).ConfigureAwait(false);
        var result = await AwaitAckAsync(batch.Sequence, cancellationToken).ConfigureAwait(false);
        if (result is not null)
        {
            // The endpoint may have lost the transfer: send it whole next time.
            _progress = null;
        }

        return result;
    }

    private int ResumeAt(long sequence, int count)
    {
        if (_progress is { } p && p.Sequence == sequence && _time.GetUtcNow() - p.At < _options.ResumeWindow && p.Delivered < count)
        {
            LogResuming(_logger, sequence, p.Delivered + 1, count);
            return p.Delivered;
        }

        return 0;
    }

    /// <summary>Writes a message into the MO buffer; a checksum error (line noise) is retried twice.</summary>
    private async Task<string?> WriteAsync(byte[] message, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            EnsureRoom(WriteOverhead + message.Length);
            var status = await _modem.WriteMessageAsync(message, cancellationToken).ConfigureAwait(false);
            if (status == SbdWriteStatus.Ok)
            {
                return null;
            }

            LogWriteFailed(_logger, status, attempt);
            if (attempt == 3 || status == SbdWriteStatus.BadSize)
            {
                return $"+SBDWB answered {(int)status} ({status})";
            }
        }
    }
}
