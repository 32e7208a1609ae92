using System.Globalization;
using Edge.Firmware.Hardware;

namespace Edge.Gateway.Links.Iridium;

/// <summary>
/// Driver for an Iridium 9602/9603 SBD transceiver on a serial port (19200 baud 8N1, three-wire, no flow control),
/// after the ISU AT Command Reference. The caller owns and passes the port. One command at a time (calls are
/// serialised); every answer is a typed result, every failure an <see cref="IridiumModemException"/>.
/// </summary>
public sealed partial class IridiumModem : IDisposable
{
    /// <summary>Largest MO message of the 9602/9603 (ISU AT Command Reference §8.12, 9602/9603 limit).</summary>
    public const int MaxMoBytes = 340;

    // 9602/9603 developer's guide: the DTE port runs at 19200 bps, 8 data bits, no parity, 1 stop bit.
    private const int BaudRate = 19200;

    private readonly AtChannel _channel;
    private readonly ISerialLink _port;
    private readonly IridiumModemOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<IridiumModem> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates the driver; call <see cref="InitializeAsync"/> before anything else.</summary>
    public IridiumModem(ISerialLink port, IridiumModemOptions options, TimeProvider time, ILogger<IridiumModem> logger)
    {
        ArgumentNullException.ThrowIfNull(port);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _port = port;
        _options = options;
        _time = time;
        _logger = logger;
        _channel = new AtChannel(port, time);
    }

    /// <summary>Bytes written to and read from the modem since start: what the serial wire carried.</summary>
    public long WireBytes => _channel.BytesWritten + _channel.BytesRead;

    /// <summary>Bytes written to the modem since start.</summary>
    public long BytesWritten => _channel.BytesWritten;

    /// <summary>Bytes read from the modem since start.</summary>
    public long BytesRead => _channel.BytesRead;

    /// <summary>The modem announced an MT message (<c>SBDRING</c>) that no <c>AT+SBDIXA</c> has fetched yet.</summary>
    public bool RingPending => _channel.RingPending;

    /// <summary>
    /// Sets the line to 19200 8N1, drops stale input and brings the modem to a known state: <c>AT</c> (tried three
    /// times, the first may be eaten by a waking modem), <c>ATE0</c> echo off, <c>AT&amp;K0</c> flow control off
    /// (three-wire interface, §5 &amp;Kn), <c>AT+SBDMTA=1</c> ring alerts on (or 0).
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            try
            {
                _port.Configure(BaudRate, 8, 0, 1);
            }
            catch (IOException ex)
            {
                throw new IridiumModemException(IridiumModemErrorKind.Io, $"could not configure the modem's serial port: {ex.Message}", ex);
            }

            _channel.Discard();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await ExecuteAsync("AT", _options.CommandTimeout, cancellationToken).ConfigureAwait(false);
                    break;
                }
                catch (IridiumModemException ex) when (attempt < 3 && ex.Kind != IridiumModemErrorKind.Io)
                {
                    LogNoAnswer(_logger, attempt);
                }
            }

            await ExecuteAsync("ATE0", _options.CommandTimeout, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync("AT&K0", _options.CommandTimeout, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(_options.RingAlerts ? "AT+SBDMTA=1" : "AT+SBDMTA=0", _options.CommandTimeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// <c>AT+CSQ</c>: signal strength in bars, 0..5 (§ +CSQ; the modem may take a few seconds to measure). Iridium
    /// recommends at least 2 bars before an SBD session.
    /// </summary>
    public async Task<int> GetSignalQualityAsync(CancellationToken cancellationToken)
    {
        var lines = await RunAsync("AT+CSQ", _options.CommandTimeout, cancellationToken).ConfigureAwait(false);
        var text = Field(lines, "+CSQ:");
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var bars) || bars is < 0 or > 5)
        {
            throw new IridiumModemException(IridiumModemErrorKind.Protocol, $"+CSQ answered '{text}', not 0..5");
        }

        return bars;
    }

    /// <summary>
    /// <c>AT+SBDD0/1/2</c>: clears the MO buffer, the MT buffer or both (§ +SBDD). The MO buffer is not cleared by a
    /// session, so a mailbox check must clear it first or it would send the last message again.
    /// </summary>
    public async Task ClearBuffersAsync(SbdBuffers buffers, CancellationToken cancellationToken)
    {
        var command = "AT+SBDD" + ((int)buffers).ToString(CultureInfo.InvariantCulture);
        var lines = await RunAsync(command, _options.CommandTimeout, cancellationToken).ConfigureAwait(false);
        if (lines.Count == 0 || lines[0] != "0")
        {
            throw new IridiumModemException(IridiumModemErrorKind.CommandError, $"{command} answered '{string.Join(' ', lines)}'");
        }
    }

    /// <summary>
    /// Starts an SBD session: <c>AT+SBDIX</c>, or <c>AT+SBDIXA</c> when answering a ring alert (§10.14). Sends the MO
    /// buffer, if not empty, and receives the oldest queued MT message into the MT buffer.
    /// </summary>
    public async Task<SbdSessionResult> InitiateSessionAsync(bool answerRing, CancellationToken cancellationToken)
    {
        var command = answerRing ? "AT+SBDIXA" : "AT+SBDIX";
        var lines = await RunAsync(command, _options.SessionTimeout, cancellationToken).ConfigureAwait(false);
        if (answerRing)
        {
            _channel.ClearRing();
        }

        try
        {
            var result = SbdSessionResult.Parse(Field(lines, "+SBDIX:"));
            LogSession(_logger, command, result.MoStatus, SbdMoStatus.Describe(result.MoStatus), result.Momsn, result.MtStatus, result.MtQueued);
            return result;
        }
        catch (FormatException ex)
        {
            throw new IridiumModemException(IridiumModemErrorKind.Protocol, ex.Message, ex);
        }
    }

    /// <summary>Waits until the modem sends <c>SBDRING</c>; true at once if one is pending, false after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForRingAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await _channel.WaitForRingAsync(_time.GetUtcNow() + timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Stops the reader thread and releases the command gate (the port belongs to the caller; close it after this).</summary>
    public void Dispose()
    {
        _channel.Dispose();
        _gate.Dispose();
    }

    private static string Field(IReadOnlyList<string> lines, string prefix)
    {
        foreach (var line in lines)
        {
            if (line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return line[prefix.Length..].Trim();
            }
        }

        throw new IridiumModemException(IridiumModemErrorKind.Protocol, $"no {prefix} line in '{string.Join(" | ", lines)}'");
    }

    private async Task<IReadOnlyList<string>> RunAsync(string command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ExecuteAsync(command, timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Sends a command and collects the information lines up to the final <c>OK</c>; <c>ERROR</c> throws.</summary>
    private async Task<IReadOnlyList<string>> ExecuteAsync(string command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + timeout;
        _channel.WriteCommand(command);
        var lines = new List<string>();
        while (true)
        {
            var line = await _channel.ReadLineAsync(deadline, cancellationToken).ConfigureAwait(false);
            if (line == "OK")
            {
                return lines;
            }

            if (line == "ERROR")
            {
                throw new IridiumModemException(IridiumModemErrorKind.CommandError, $"{command} answered ERROR");
            }

            lines.Add(line);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "modem did not answer AT (attempt {Attempt}); trying again")]
    private static partial void LogNoAnswer(ILogger logger, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Command}: MO status {MoStatus} ({Meaning}), MOMSN {Momsn}, MT status {MtStatus}, {MtQueued} MT queued")]
    private static partial void LogSession(ILogger logger, string command, int moStatus, string meaning, int momsn, int mtStatus, int mtQueued);
}
