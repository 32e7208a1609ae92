using System.Text;
using Edge.Firmware.Hardware;

namespace Edge.Gateway.Links.Iridium;

/// <summary>
/// The byte level of the AT interface: writes command lines and raw bytes, reads response lines and binary blocks.
/// Lines end at CR or LF (ISU AT Command Reference §3, responses are framed by CR LF in verbose mode); blank lines,
/// the echo of our own command (echo is on after power-up until <c>ATE0</c>) and the unsolicited <c>SBDRING</c>
/// (+SBDMTA) are taken out here, so callers see only answers. Reads wait in the port's poll with a short slice
/// (no busy loop) and end at a deadline of the injected <see cref="TimeProvider"/>. I/O errors become
/// <see cref="IridiumModemException"/> here and nowhere else.
/// </summary>
internal sealed class AtChannel(ISerialLink port, TimeProvider time)
{
    // Longest single poll, so cancellation and deadlines are noticed promptly.
    private const int SliceMs = 100;
    private const string Ring = "SBDRING";

    private byte[] _buffer = new byte[2048];
    private int _start;
    private int _end;
    private string _lastCommand = "";
    private long _bytesWritten;
    private long _bytesRead;
    private volatile bool _ringPending;

    /// <summary>Bytes written to the modem since start.</summary>
    public long BytesWritten => Interlocked.Read(ref _bytesWritten);

    /// <summary>Bytes read from the modem since start.</summary>
    public long BytesRead => Interlocked.Read(ref _bytesRead);

    /// <summary>An <c>SBDRING</c> arrived and was not answered yet.</summary>
    public bool RingPending => _ringPending;

    /// <summary>Forgets a ring alert (after an <c>AT+SBDIXA</c> answered it).</summary>
    public void ClearRing() => _ringPending = false;

    /// <summary>Drops everything received and not read yet.</summary>
    public void Discard()
    {
        _start = _end = 0;
        Translate(port.DiscardInput, "discard input of");
    }

    /// <summary>Sends <paramref name="command"/> followed by CR.</summary>
    public void WriteCommand(string command)
    {
        _lastCommand = command;
        WriteRaw(Encoding.ASCII.GetBytes(command + "\r"));
    }

    /// <summary>Sends bytes as they are.</summary>
    public void WriteRaw(byte[] data)
    {
        Translate(() => port.Write(data, 0, data.Length), "write to");
        Interlocked.Add(ref _bytesWritten, data.Length);
    }

    /// <summary>The next answer line (not blank, not our echo, not a ring alert).</summary>
    /// <exception cref="IridiumModemException">Timeout or I/O failure.</exception>
    public async Task<string> ReadLineAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            while (TryTakeLine(out var line))
            {
                if (!IsNoise(line))
                {
                    return line;
                }
            }

            if (!await FillAsync(deadline, cancellationToken).ConfigureAwait(false))
            {
                throw new IridiumModemException(IridiumModemErrorKind.Timeout, $"no answer to {_lastCommand} in time");
            }
        }
    }

    /// <summary>
    /// Skips text lines (echo, ring alert, blank) until binary data starts. Safe for <c>+SBDRB</c>: its first byte is
    /// the high byte of a length ≤ 1890, so at most 0x07, never a printable character, CR or LF.
    /// </summary>
    public async Task SkipToBinaryAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (_end > _start)
            {
                var b = _buffer[_start];
                if (b <= 0x07)
                {
                    return;
                }

                if (b is (byte)'\r' or (byte)'\n')
                {
                    _start++;
                    continue;
                }

                if (TryTakeLine(out var line))
                {
                    IsNoise(line);
                    continue;
                }
            }

            if (!await FillAsync(deadline, cancellationToken).ConfigureAwait(false))
            {
                throw new IridiumModemException(IridiumModemErrorKind.Timeout, $"no binary answer to {_lastCommand} in time");
            }
        }
    }

    /// <summary>Exactly <paramref name="count"/> raw bytes.</summary>
    public async Task<byte[]> ReadExactAsync(int count, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var result = new byte[count];
        var have = 0;
        while (have < count)
        {
            var take = Math.Min(count - have, _end - _start);
            Array.Copy(_buffer, _start, result, have, take);
            _start += take;
            have += take;
            if (have < count && !await FillAsync(deadline, cancellationToken).ConfigureAwait(false))
            {
                throw new IridiumModemException(IridiumModemErrorKind.Timeout, $"{_lastCommand}: only {have} of {count} bytes arrived");
            }
        }

        return result;
    }

    /// <summary>Waits for <c>SBDRING</c>; other unsolicited lines are dropped. False at the deadline.</summary>
    public async Task<bool> WaitForRingAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        while (!_ringPending)
        {
            while (TryTakeLine(out var line))
            {
                IsNoise(line);
            }

            if (!_ringPending && !await FillAsync(deadline, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    private bool IsNoise(string line)
    {
        if (line.Equals(Ring, StringComparison.Ordinal))
        {
            _ringPending = true;
            return true;
        }

        return line.Length == 0
            || line.Equals(_lastCommand, StringComparison.OrdinalIgnoreCase)
            || line.StartsWith("AT", StringComparison.OrdinalIgnoreCase);
    }

    private bool TryTakeLine(out string line)
    {
        for (var i = _start; i < _end; i++)
        {
            if (_buffer[i] is (byte)'\r' or (byte)'\n')
            {
                line = Encoding.ASCII.GetString(_buffer, _start, i - _start).Trim();
                _start = i + 1;
                return true;
            }
        }

        line = "";
        return false;
    }

    /// <summary>Reads what arrives within one slice; false once the deadline has passed with nothing new.</summary>
    private async Task<bool> FillAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var remaining = deadline - time.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            return false;
        }

        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var slice = (int)Math.Clamp(remaining.TotalMilliseconds, 1, SliceMs);
        var n = await Task.Run(() => Translate(() => port.Read(_buffer, _end, _buffer.Length - _end, slice), "read from"), cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        _end += n;
        Interlocked.Add(ref _bytesRead, n);
        return true;
    }

    private static void Translate(Action action, string what) => Translate(() => { action(); return 0; }, what);

    private static T Translate<T>(Func<T> action, string what)
    {
        try
        {
            return action();
        }
        catch (IOException ex)
        {
            throw new IridiumModemException(IridiumModemErrorKind.Io, $"could not {what} the modem's serial port: {ex.Message}", ex);
        }
    }
}
