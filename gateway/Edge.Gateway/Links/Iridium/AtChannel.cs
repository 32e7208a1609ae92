using System.Text;
using System.Threading.Channels;
using Edge.Firmware.Hardware;

namespace Edge.Gateway.Links.Iridium;

/// <summary>
/// The byte level of the AT interface: writes command lines and raw bytes, reads response lines and binary blocks.
/// Lines end at CR or LF (ISU AT Command Reference §3, responses are framed by CR LF in verbose mode); blank lines,
/// the echo of our own command (echo is on after power-up until <c>ATE0</c>) and the unsolicited <c>SBDRING</c>
/// (+SBDMTA) are taken out here, so callers see only answers. One dedicated thread waits in the port's poll (no busy
/// loop, no thread-pool thread blocked); reads await its chunks and end at a deadline of the injected <see cref="TimeProvider"/>. I/O errors become
/// <see cref="IridiumModemException"/> here and nowhere else.
/// </summary>
internal sealed class AtChannel : IDisposable
{
    // Longest single poll of the reader thread, so it notices Dispose promptly.
    private const int SliceMs = 100;

    // Pause after a read error, so a dead port does not spin.
    private const int ErrorPauseMs = 1000;
    private const string Ring = "SBDRING";

    private readonly ISerialLink _port;
    private readonly TimeProvider _time;
    private readonly Thread _reader;
    private readonly Channel<Chunk> _incoming = Channel.CreateUnbounded<Chunk>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private volatile bool _stopping;

    private byte[] _buffer = new byte[2048];
    private int _start;
    private int _end;
    private string _lastCommand = "";
    private long _bytesWritten;
    private long _bytesRead;
    private volatile bool _ringPending;

    /// <summary>Starts the reader thread on <paramref name="serialPort"/>.</summary>
    public AtChannel(ISerialLink serialPort, TimeProvider timeProvider)
    {
        _port = serialPort;
        _time = timeProvider;
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "iridium-at-reader" };
        _reader.Start();
    }

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
        Translate(_port.DiscardInput, "discard input of");
        while (_incoming.Reader.TryRead(out _))
        {
        }

        _start = _end = 0;
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
        Translate(() => _port.Write(data, 0, data.Length), "write to");
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

    /// <summary>Waits for the next chunk from the reader thread; false once the deadline has passed with nothing new.</summary>
    private async Task<bool> FillAsync(DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var remaining = deadline - _time.GetUtcNow();
        if (remaining <= TimeSpan.Zero)
        {
            return false;
        }

        Chunk chunk;
        using (var timeout = new CancellationTokenSource(remaining, _time))
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken))
        {
            try
            {
                chunk = await _incoming.Reader.ReadAsync(linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }

        if (chunk.Error is not null)
        {
            throw new IridiumModemException(IridiumModemErrorKind.Io, $"could not read from the modem's serial port: {chunk.Error.Message}", chunk.Error);
        }

        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end + chunk.Data!.Length > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _end + chunk.Data.Length));
        }

        chunk.Data.CopyTo(_buffer, _end);
        _end += chunk.Data.Length;
        return true;
    }

    /// <summary>
    /// The one thread that blocks on the port: waits in poll (slices of <see cref="SliceMs"/>) and hands chunks to
    /// the channel, so no thread-pool thread ever blocks on the serial line.
    /// </summary>
    private void ReadLoop()
    {
        var buffer = new byte[1024];
        while (!_stopping)
        {
            try
            {
                var n = _port.Read(buffer, 0, buffer.Length, SliceMs);
                if (n > 0)
                {
                    Interlocked.Add(ref _bytesRead, n);
                    _incoming.Writer.TryWrite(new Chunk(buffer[..n], null));
                }
            }
            catch (IOException ex)
            {
                if (_stopping)
                {
                    return;
                }

                // Reported to the command waiting now (or the next one); the port may come back (adapter replugged).
                _incoming.Writer.TryWrite(new Chunk(null, ex));
                Thread.Sleep(ErrorPauseMs);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
        }
    }

    /// <summary>Stops the reader thread (within one slice).</summary>
    public void Dispose()
    {
        _stopping = true;
        if (_reader.IsAlive && _reader != Thread.CurrentThread)
        {
            _reader.Join();
        }
    }

    private readonly record struct Chunk(byte[]? Data, IOException? Error);

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
