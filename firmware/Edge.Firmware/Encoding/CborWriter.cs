using System;

namespace Edge.Firmware.Encoding;

/// <summary>
/// A minimal CBOR (RFC 8949) writer into a caller-owned buffer: definite-length arrays and maps,
/// integers, UTF-8 text and float64, with the preferred (shortest) integer encoding of §4.2.1.
/// Written by hand because nanoFramework has no CBOR library; it allocates nothing. When the buffer is
/// too small <see cref="Overflowed"/> becomes true and further writes are ignored.
/// </summary>
public sealed class CborWriter
{
    private const int MajorUnsigned = 0;
    private const int MajorNegative = 1;
    private const int MajorBytes = 2;
    private const int MajorText = 3;
    private const int MajorArray = 4;
    private const int MajorMap = 5;
    private readonly byte[] _buffer;
    private int _length;
    private bool _overflowed;

    /// <summary>Creates a writer over <paramref name="buffer"/>.</summary>
    public CborWriter(byte[] buffer)
    {
        _buffer = buffer;
    }

    /// <summary>The buffer written into.</summary>
    public byte[] Buffer => _buffer;

    /// <summary>Bytes written so far.</summary>
    public int Length => _length;

    /// <summary>True when something did not fit; the output is then unusable.</summary>
    public bool Overflowed => _overflowed;

    /// <summary>Starts again at the beginning of the buffer.</summary>
    public void Reset()
    {
        _length = 0;
        _overflowed = false;
    }

    /// <summary>Array header for <paramref name="count"/> items (major type 4).</summary>
    public void WriteArrayHeader(int count) => WriteHead(MajorArray, (ulong)count);

    /// <summary>Map header for <paramref name="pairs"/> key/value pairs (major type 5).</summary>
    public void WriteMapHeader(int pairs) => WriteHead(MajorMap, (ulong)pairs);

    /// <summary>A signed integer (major type 0 or 1).</summary>
    public void WriteInt64(long value)
    {
        if (value >= 0)
        {
            WriteHead(MajorUnsigned, (ulong)value);
        }
        else
        {
            // RFC 8949 §3.1: major type 1 carries -1 - n.
            WriteHead(MajorNegative, (ulong)(-1 - value));
        }
    }

    /// <summary>A text string; characters beyond ASCII are encoded as UTF-8 (no surrogate pairs).</summary>
    public void WriteText(string text)
    {
        var bytes = 0;
        for (var i = 0; i < text.Length; i++)
        {
            int c = text[i];
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }

        WriteHead(MajorText, (ulong)bytes);
        if (!Reserve(bytes))
        {
            return;
        }

        for (var i = 0; i < text.Length; i++)
        {
            int c = text[i];
            if (c < 0x80)
            {
                _buffer[_length++] = (byte)c;
            }
            else if (c < 0x800)
            {
                _buffer[_length++] = (byte)(0xC0 | (c >> 6));
                _buffer[_length++] = (byte)(0x80 | (c & 0x3F));
            }
            else
            {
                _buffer[_length++] = (byte)(0xE0 | (c >> 12));
                _buffer[_length++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                _buffer[_length++] = (byte)(0x80 | (c & 0x3F));
            }
        }
    }

    /// <summary>
    /// A byte string of <paramref name="count"/> signed 24-bit big-endian integers from <paramref name="values"/>
    /// (values outside ±2^23 are clamped).
    /// </summary>
    public void WriteInt24String(int[] values, int offset, int count)
    {
        WriteHead(MajorBytes, (ulong)(count * 3));
        if (!Reserve(count * 3))
        {
            return;
        }

        for (var i = 0; i < count; i++)
        {
            var v = values[offset + i];
            v = v > 0x7FFFFF ? 0x7FFFFF : v < -0x800000 ? -0x800000 : v;
            _buffer[_length++] = (byte)(v >> 16);
            _buffer[_length++] = (byte)(v >> 8);
            _buffer[_length++] = (byte)v;
        }
    }

    /// <summary>A float64 (major type 7, additional information 27), big-endian.</summary>
    public void WriteDouble(double value)
    {
        if (!Reserve(9))
        {
            return;
        }

        var bits = BitConverter.DoubleToInt64Bits(value);
        _buffer[_length++] = 0xFB;
        for (var shift = 56; shift >= 0; shift -= 8)
        {
            _buffer[_length++] = (byte)(bits >> shift);
        }
    }

    private void WriteHead(int major, ulong value)
    {
        var initial = (byte)(major << 5);
        if (value < 24)
        {
            if (Reserve(1))
            {
                _buffer[_length++] = (byte)(initial | (int)value);
            }
        }
        else if (value <= 0xFF)
        {
            WriteHeadBytes(initial | 24, value, 1);
        }
        else if (value <= 0xFFFF)
        {
            WriteHeadBytes(initial | 25, value, 2);
        }
        else if (value <= 0xFFFFFFFF)
        {
            WriteHeadBytes(initial | 26, value, 4);
        }
        else
        {
            WriteHeadBytes(initial | 27, value, 8);
        }
    }

    private void WriteHeadBytes(int first, ulong value, int count)
    {
        if (!Reserve(1 + count))
        {
            return;
        }

        _buffer[_length++] = (byte)first;
        for (var i = count - 1; i >= 0; i--)
        {
            _buffer[_length++] = (byte)(value >> (8 * i));
        }
    }

    private bool Reserve(int bytes)
    {
        if (_overflowed || _length + bytes > _buffer.Length)
        {
            _overflowed = true;
            return false;
        }

        return true;
    }
}
