namespace Edge.Benchmarks.UplinkSize;

/// <summary>Reads bits most significant first, as <see cref="BitWriter"/> wrote them; throws past the end.</summary>
internal sealed class BitReader(byte[] bytes)
{
    private long _position;

    /// <summary>Bits read so far.</summary>
    public long Position => _position;

    /// <summary>Reads <paramref name="count"/> bits (0..64) as an unsigned number, first bit most significant.</summary>
    public ulong Read(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 64);
        ulong value = 0;
        for (var i = 0; i < count; i++)
        {
            value = (value << 1) | ReadBit();
        }

        return value;
    }

    /// <summary>Reads one bit.</summary>
    public ulong ReadBit()
    {
        var index = _position >> 3;
        if (index >= bytes.Length)
        {
            throw new InvalidOperationException($"gorilla stream ends at bit {_position}: truncated");
        }

        var bit = (ulong)(bytes[index] >> (7 - (int)(_position & 7))) & 1;
        _position++;
        return bit;
    }
}
