using System.Globalization;

namespace Edge.Gateway.Links.Iridium;

/// <summary>The binary transfers of the driver: <c>+SBDWB</c> and <c>+SBDRB</c>.</summary>
public sealed partial class IridiumModem
{
    /// <summary>
    /// <c>AT+SBDWB=&lt;n&gt;</c> (§8.12): waits for <c>READY</c>, sends the n bytes and their checksum, and returns the
    /// modem's verdict. The message overwrites the MO buffer. After status 1 (timeout) the modem sends no <c>OK</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The message is empty.</exception>
    /// <remarks>A message longer than the modem takes is answered 3 (<see cref="SbdWriteStatus.BadSize"/>) before READY.</remarks>
    public async Task<SbdWriteStatus> WriteMessageAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        if (message.IsEmpty)
        {
            throw new ArgumentException("an SBD message has at least 1 byte", nameof(message));
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var deadline = _time.GetUtcNow() + _options.CommandTimeout;
            _channel.WriteCommand("AT+SBDWB=" + message.Length.ToString(CultureInfo.InvariantCulture));
            var ready = await _channel.ReadLineAsync(deadline, cancellationToken).ConfigureAwait(false);
            if (ready == "3")
            {
                // A length outside 1..340 is refused at once, without READY.
                await ExpectOkAsync("AT+SBDWB", deadline, cancellationToken).ConfigureAwait(false);
                return SbdWriteStatus.BadSize;
            }

            if (ready != "READY")
            {
                throw new IridiumModemException(ready == "ERROR" ? IridiumModemErrorKind.CommandError : IridiumModemErrorKind.Protocol, $"AT+SBDWB answered '{ready}' instead of READY");
            }

            var frame = new byte[message.Length + 2];
            message.Span.CopyTo(frame);
            SbdChecksum.Write(SbdChecksum.Compute(message.Span), frame.AsSpan(message.Length));
            _channel.WriteRaw(frame);

            var answer = await _channel.ReadLineAsync(deadline, cancellationToken).ConfigureAwait(false);
            if (answer is not ("0" or "1" or "2" or "3"))
            {
                throw new IridiumModemException(IridiumModemErrorKind.Protocol, $"AT+SBDWB answered '{answer}' instead of 0..3");
            }

            var status = (SbdWriteStatus)(answer[0] - '0');
            if (status != SbdWriteStatus.Timeout)
            {
                await ExpectOkAsync("AT+SBDWB", deadline, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await ResyncAfterTimeoutAsync(deadline, cancellationToken).ConfigureAwait(false);
            }

            return status;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// <c>AT+SBDRB</c> (§8.13): reads the MT buffer as {2-byte length}{message}{2-byte checksum}, big-endian; an empty
    /// buffer reads as length 0. A checksum mismatch throws (kind <see cref="IridiumModemErrorKind.Protocol"/>).
    /// </summary>
    public async Task<byte[]> ReadMessageAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var deadline = _time.GetUtcNow() + _options.CommandTimeout;
            _channel.WriteCommand("AT+SBDRB");
            await _channel.SkipToBinaryAsync(deadline, cancellationToken).ConfigureAwait(false);
            var lengthBytes = await _channel.ReadExactAsync(2, deadline, cancellationToken).ConfigureAwait(false);
            var length = (lengthBytes[0] << 8) | lengthBytes[1];
            var message = await _channel.ReadExactAsync(length, deadline, cancellationToken).ConfigureAwait(false);
            var sum = await _channel.ReadExactAsync(2, deadline, cancellationToken).ConfigureAwait(false);
            await ExpectOkAsync("AT+SBDRB", deadline, cancellationToken).ConfigureAwait(false);
            var expected = SbdChecksum.Compute(message);
            var received = (ushort)((sum[0] << 8) | sum[1]);
            if (received != expected)
            {
                throw new IridiumModemException(IridiumModemErrorKind.Protocol, $"MT message checksum {received:X4} does not match its {length} bytes ({expected:X4})");
            }

            return message;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// After answer 1 the modem is back in command mode, and whatever of the message reached it after its timeout is
    /// taken as the start of a command line: the next command would be glued to those bytes and go unanswered until the
    /// command timeout. A CR ends that line (the serial line keeps order, so it follows the stray bytes) and an AT
    /// whose OK comes back shows the modem listens again; other lines (ERROR for the stray bytes) are dropped.
    /// </summary>
    private async Task ResyncAfterTimeoutAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        _channel.WriteRaw([(byte)'\r']);
        _channel.WriteCommand("AT");
        while (await _channel.ReadLineAsync(deadline, cancellationToken).ConfigureAwait(false) != "OK")
        {
        }
    }

    private async Task ExpectOkAsync(string command, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var line = await _channel.ReadLineAsync(deadline, cancellationToken).ConfigureAwait(false);
        if (line != "OK")
        {
            throw new IridiumModemException(IridiumModemErrorKind.Protocol, $"{command} ended with '{line}' instead of OK");
        }
    }
}
