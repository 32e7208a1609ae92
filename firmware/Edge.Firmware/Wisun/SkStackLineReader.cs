using System;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.Wisun;

/// <summary>
/// Splits what an SKSTACK-IP module sends into lines (CR LF, a lone LF accepted) over an <see cref="ISerialLink"/>.
/// Waits only inside <see cref="ISerialLink.Read"/> with the time left before a deadline taken from
/// <see cref="IClock.UptimeMs"/>; a partial line survives a timeout and is completed by the next call. A line
/// longer than the buffer is dropped up to its end and reported once as too long. No allocation after construction.
/// </summary>
public sealed class SkStackLineReader
{
    /// <summary>ReadLine result: a line is in <see cref="Line"/>.</summary>
    public const int LineReady = 1;

    /// <summary>ReadLine result: no complete line before the timeout.</summary>
    public const int Timeout = 0;

    /// <summary>ReadLine result: the line was longer than the buffer (its bytes are gone).</summary>
    public const int Overflow = 2;

    /// <summary>ReadLine result: the serial link failed.</summary>
    public const int LinkError = -1;

    /// <summary>Default line capacity: an ERXUDP of 1232 payload bytes in hex with full addresses and three middle tokens.</summary>
    public const int DefaultCapacity = 2600;

    private readonly ISerialLink _link;
    private readonly IClock _clock;
    private readonly byte[] _chunk = new byte[256];
    private int _chunkPosition;
    private int _chunkLength;
    private int _partial;
    private bool _dropping;

    /// <summary>Creates a reader with room for lines of <paramref name="capacity"/> bytes.</summary>
    public SkStackLineReader(ISerialLink link, IClock clock, int capacity = DefaultCapacity)
    {
        if (link == null)
        {
            throw new ArgumentNullException("link");
        }

        if (clock == null)
        {
            throw new ArgumentNullException("clock");
        }

        _link = link;
        _clock = clock;
        Line = new byte[capacity < 16 ? 16 : capacity];
    }

    /// <summary>The last line read, without CR LF.</summary>
    public byte[] Line { get; }

    /// <summary>Length of the last line read.</summary>
    public int LineLength { get; private set; }

    /// <summary>Lines dropped because they were too long.</summary>
    public int Overflows { get; private set; }

    /// <summary>The message of the last link failure, or null.</summary>
    public string? LastLinkError { get; private set; }

    /// <summary>Reads the next line, waiting at most <paramref name="timeoutMs"/>; returns <see cref="LineReady"/>, <see cref="Timeout"/>, <see cref="Overflow"/> or <see cref="LinkError"/>.</summary>
    public int ReadLine(int timeoutMs)
    {
        var deadline = _clock.UptimeMs + (timeoutMs < 0 ? 0 : timeoutMs);
        while (true)
        {
            while (_chunkPosition < _chunkLength)
            {
                var b = _chunk[_chunkPosition++];
                if (b == (byte)'\n')
                {
                    return EndLine();
                }

                if (_partial < Line.Length)
                {
                    Line[_partial++] = b;
                }
                else
                {
                    _dropping = true;
                }
            }

            var left = deadline - _clock.UptimeMs;
            if (left <= 0)
            {
                return Timeout;
            }

            int n;
            try
            {
                n = _link.Read(_chunk, 0, _chunk.Length, left > int.MaxValue ? int.MaxValue : (int)left);
            }
            catch (Exception e)
            {
                LastLinkError = e.Message;
                return LinkError;
            }

            // Read returns 0 only when its timeout passed: waiting again would only spin on a clock that did not move.
            if (n <= 0)
            {
                return Timeout;
            }

            _chunkPosition = 0;
            _chunkLength = n > _chunk.Length ? _chunk.Length : n;
        }
    }

    /// <summary>Forgets buffered input, here and in the link.</summary>
    public void Discard()
    {
        _chunkPosition = 0;
        _chunkLength = 0;
        _partial = 0;
        _dropping = false;
        try
        {
            _link.DiscardInput();
        }
        catch (Exception e)
        {
            LastLinkError = e.Message;
        }
    }

    private int EndLine()
    {
        var length = _partial;
        _partial = 0;
        if (_dropping)
        {
            _dropping = false;
            Overflows++;
            LineLength = 0;
            return Overflow;
        }

        if (length > 0 && Line[length - 1] == (byte)'\r')
        {
            length--;
        }

        LineLength = length;
        return LineReady;
    }
}
