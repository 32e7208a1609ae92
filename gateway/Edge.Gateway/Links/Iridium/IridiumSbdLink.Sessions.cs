namespace Edge.Gateway.Links.Iridium;

/// <summary>Sessions, signal waits, MT messages and acknowledgements.</summary>
public sealed partial class IridiumSbdLink
{
    /// <summary>
    /// Runs sessions until one succeeds (the MO buffer, if any, reached the Iridium gateway): null; or why it gave
    /// up. MO status decides the wait before the next try (<see cref="SbdMoStatus.Advise"/>).
    /// </summary>
    private async Task<string?> SessionAsync(CancellationToken cancellationToken)
    {
        for (var failures = 0; ;)
        {
            var noSignal = await WaitForSignalAsync(cancellationToken).ConfigureAwait(false);
            if (noSignal is not null)
            {
                return noSignal;
            }

            EnsureRoom(SessionStep);
            var result = await _modem.InitiateSessionAsync(_modem.RingPending, cancellationToken).ConfigureAwait(false);
            Sessions++;
            await TakeMtAsync(result, cancellationToken).ConfigureAwait(false);
            if (result.MoSucceeded)
            {
                return null;
            }

            FailedSessions++;
            failures++;
            var advice = SbdMoStatus.Advise(result.MoStatus);
            var meaning = $"MO status {result.MoStatus} ({SbdMoStatus.Describe(result.MoStatus)})";
            if (advice == SbdRetryAdvice.GiveUp || failures >= _options.MaxSessionFailures)
            {
                return $"{failures} failed sessions, last {meaning}";
            }

            var delay = advice switch
            {
                SbdRetryAdvice.RetryLater => _options.RetryLaterDelay,

                // The signal wait before the next session does the waiting.
                SbdRetryAdvice.WaitForSignal => TimeSpan.Zero,
                _ => _backoff.Delay(failures),
            };
            LogSessionFailed(_logger, meaning, failures, delay);
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Polls +CSQ until it shows <see cref="IridiumLinkOptions.MinSignalBars"/>; null then, else why not.</summary>
    private async Task<string?> WaitForSignalAsync(CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + _options.SignalWaitLimit;
        while (true)
        {
            EnsureRoom(CsqStep);
            var bars = await _modem.GetSignalQualityAsync(cancellationToken).ConfigureAwait(false);
            if (bars >= _options.MinSignalBars)
            {
                return null;
            }

            if (_time.GetUtcNow() + _options.SignalPollInterval > deadline)
            {
                return $"signal stayed below {_options.MinSignalBars} bars for {_options.SignalWaitLimit} (last {bars})";
            }

            LogWeakSignal(_logger, bars, _options.SignalPollInterval);
            await Task.Delay(_options.SignalPollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits for the acknowledgement of <paramref name="sequence"/>: answers ring alerts (and MT messages the
    /// gateway said are queued) with mailbox sessions until it arrives or <see cref="IridiumLinkOptions.AckTimeout"/>
    /// passes; then one last mailbox check. Null when it arrived.
    /// </summary>
    private async Task<string?> AwaitAckAsync(long sequence, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + _options.AckTimeout;
        var lastCheck = false;
        while (!HasAck(sequence))
        {
            var remaining = deadline - _time.GetUtcNow();
            if (!_mtWaiting && !lastCheck)
            {
                lastCheck = remaining <= TimeSpan.Zero || !await _modem.WaitForRingAsync(remaining, cancellationToken).ConfigureAwait(false);
            }
            else if (lastCheck && !_mtWaiting)
            {
                return $"no acknowledgement from the endpoint within {_options.AckTimeout}";
            }

            var failure = await SessionAsync(cancellationToken).ConfigureAwait(false);
            if (failure is not null)
            {
                return $"mailbox check: {failure}";
            }
        }

        return null;
    }

    /// <summary>Reads the MT message a session brought (+SBDRB) and files acknowledgements.</summary>
    private async Task TakeMtAsync(SbdSessionResult result, CancellationToken cancellationToken)
    {
        _mtWaiting = result.MtQueued > 0;
        if (!result.MtReceived)
        {
            return;
        }

        var message = await _modem.ReadMessageAsync(cancellationToken).ConfigureAwait(false);
        if (TakeControl(message))
        {
            return;
        }

        if (!SbdAck.TryParse(message, out var ack) || ack is null)
        {
            LogUnknownMt(_logger, message.Length);
            return;
        }

        if (_acks.Count >= MaxRememberedAcks)
        {
            _acks.Remove(_acks.Keys.Min());
        }

        _acks[ack.Sequence] = ack;
        LogAck(_logger, ack.Sequence, ack.Status);
    }

    private bool HasAck(long sequence) => _acks.ContainsKey(sequence);

    private SbdAck? TakeAck(long sequence) => _acks.Remove(sequence, out var ack) ? ack : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "batch {Sequence} ({Bytes} bytes) delivered over Iridium and stored by the ingest; {WireBytes} bytes on the serial wire")]
    private static partial void LogDelivered(ILogger logger, long sequence, int bytes, long wireBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "batch {Sequence} not delivered over Iridium: {Reason} ({WireBytes} bytes on the serial wire)")]
    private static partial void LogNotDelivered(ILogger logger, long sequence, string reason, long wireBytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "batch {Sequence} deferred: {Reason} ({WireBytes} bytes on the serial wire)")]
    private static partial void LogDeferred(ILogger logger, long sequence, string reason, long wireBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Iridium modem failed while sending batch {Sequence}; it is reinitialised on the next send")]
    private static partial void LogModemFailed(ILogger logger, Exception error, long sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "batch {Sequence}: resuming at fragment {Fragment} of {Count}")]
    private static partial void LogResuming(ILogger logger, long sequence, int fragment, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "+SBDWB failed with {Status} (attempt {Attempt})")]
    private static partial void LogWriteFailed(ILogger logger, SbdWriteStatus status, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "SBD session failed: {Meaning}; {Failures} in a row, next try in {Delay}")]
    private static partial void LogSessionFailed(ILogger logger, string meaning, int failures, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Debug, Message = "signal {Bars} bars is too weak for a session; asking again in {Delay}")]
    private static partial void LogWeakSignal(ILogger logger, int bars, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "MT message of {Bytes} bytes is not an acknowledgement; ignored")]
    private static partial void LogUnknownMt(ILogger logger, int bytes);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MT acknowledgement: batch {Sequence} {Status}")]
    private static partial void LogAck(ILogger logger, long sequence, SbdAckStatus status);
}
