using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace Edge.Uplink.Binary;

/// <summary>
/// Reads the primitives of BATCH-FORMAT.md from untrusted bytes. Every defect becomes a
/// <see cref="BatchFormatException"/> naming <see cref="Location"/>.
/// </summary>
internal ref struct ByteReader
{
    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public ByteReader(ReadOnlySpan<byte> data, DecodeLocation location)
    {
        _data = data;
        Location = location;
    }

    public readonly DecodeLocation Location { get; }

    public readonly int Position => _position;

    public readonly int Remaining => _data.Length - _position;

    public readonly BatchFormatException Error(string what) => new($"{what} in {Location}");

    public byte ReadByte()
    {
        if (_position >= _data.Length)
        {
            throw Error("truncated");
        }

        return _data[_position++];
    }

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count > Remaining)
        {
            throw Error("truncated");
        }

        var bytes = _data.Slice(_position, count);
        _position += count;
        return bytes;
    }

    public uint ReadUInt32LittleEndian() => BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4));

    /// <summary>Unsigned LEB128 of at most 64 bits (10 bytes, the last one 0 or 1), in its shortest form.</summary>
    public ulong ReadUVarint()
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = ReadByte();
            if (shift == 63 && b > 1)
            {
                throw Error("varint overflow");
            }

            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                // Canonical form only: a last byte of 0 after the first would be padding.
                return b == 0 && shift > 0 ? throw Error("overlong varint") : result;
            }
        }

        throw Error("varint overflow");
    }

    public long ReadSVarint() => ZigZag.Decode(ReadUVarint());

    /// <summary>A uvarint that must not exceed <paramref name="max"/>; <paramref name="what"/> names it in errors.</summary>
    public int ReadCount(string what, int max)
    {
        var value = ReadUVarint();
        if (value > (ulong)max)
        {
            throw Error($"{what} {value} exceeds the limit of {max}");
        }

        return (int)value;
    }

    /// <summary>A uvarint that must fit in a non-negative <see cref="long"/>.</summary>
    public long ReadNonNegativeInt64(string what)
    {
        var value = ReadUVarint();
        if (value > long.MaxValue)
        {
            throw Error($"{what} {value} is out of range");
        }

        return (long)value;
    }

    public string ReadString(string what, int maxBytes, bool allowEmpty)
    {
        var length = ReadUVarint();
        return ReadStringBytes(what, length, maxBytes, allowEmpty);
    }

    public string? ReadOptionalString(string what, int maxBytes)
    {
        var lengthPlusOne = ReadUVarint();
        return lengthPlusOne == 0 ? null : ReadStringBytes(what, lengthPlusOne - 1, maxBytes, allowEmpty: true);
    }

    private string ReadStringBytes(string what, ulong length, int maxBytes, bool allowEmpty)
    {
        if (length > (ulong)maxBytes)
        {
            throw Error($"{what} of {length} bytes exceeds the limit of {maxBytes}");
        }

        if (length == 0 && !allowEmpty)
        {
            throw Error($"{what} is empty");
        }

        var bytes = ReadBytes((int)length);
        if (!Utf8.IsValid(bytes))
        {
            throw Error($"{what} is not valid UTF-8");
        }

        return Encoding.UTF8.GetString(bytes);
    }
}
