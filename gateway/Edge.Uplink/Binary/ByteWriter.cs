using System.Buffers.Binary;
using System.Text;

namespace Edge.Uplink.Binary;

/// <summary>A growable byte buffer with the primitive encodings of BATCH-FORMAT.md ("Primitives").</summary>
internal sealed class ByteWriter
{
    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private byte[] _buffer;
    private int _length;

    public ByteWriter(int initialCapacity = 256) => _buffer = new byte[Math.Max(16, initialCapacity)];

    public int Length => _length;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    public byte[] ToArray() => WrittenSpan.ToArray();

    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[_length++] = value;
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    public void WriteUInt32LittleEndian(uint value)
    {
        Ensure(4);
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(_length), value);
        _length += 4;
    }

    /// <summary>Unsigned LEB128: 7 bits per byte, least significant group first, high bit = more follows.</summary>
    public void WriteUVarint(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _buffer[_length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _buffer[_length++] = (byte)value;
    }

    public void WriteSVarint(long value) => WriteUVarint(ZigZag.Encode(value));

    /// <summary>uvarint byte length, then the UTF-8 bytes. Throws on strings with lone surrogates.</summary>
    public void WriteString(string value)
    {
        var byteCount = _strictUtf8.GetByteCount(value);
        WriteUVarint((ulong)byteCount);
        Ensure(byteCount);
        _length += _strictUtf8.GetBytes(value, _buffer.AsSpan(_length));
    }

    /// <summary>uvarint 0 for an absent string, else byte length + 1, then the UTF-8 bytes.</summary>
    public void WriteOptionalString(string? value)
    {
        if (value is null)
        {
            WriteByte(0);
            return;
        }

        var byteCount = _strictUtf8.GetByteCount(value);
        WriteUVarint((ulong)byteCount + 1);
        Ensure(byteCount);
        _length += _strictUtf8.GetBytes(value, _buffer.AsSpan(_length));
    }

    private void Ensure(int extra)
    {
        if (_length + extra <= _buffer.Length)
        {
            return;
        }

        var capacity = Math.Max(_buffer.Length * 2, _length + extra);
        Array.Resize(ref _buffer, capacity);
    }
}
