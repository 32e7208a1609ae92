namespace Edge.Benchmarks.UplinkSize;

/// <summary>Appends bits most significant first into a growing byte array; the last byte is zero-padded.</summary>
internal sealed class BitWriter
{
    private byte[] _buffer = new byte[256];

    /// <summary>Bits written so far.</summary>
    public long BitCount { get; private set; }

    /// <summary>Writes the low <paramref name="count"/> bits of <paramref name="value"/> (0..64), high bit first.</summary>
    public void Write(ulong value, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 64);
        for (var i = count - 1; i >= 0; i--)
        {
            WriteBit((value >> i) & 1);
        }
    }

    /// <summary>The written bits, ceil(BitCount / 8) bytes.</summary>
    public byte[] ToArray() => _buffer.AsSpan(0, (int)((BitCount + 7) / 8)).ToArray();

    private void WriteBit(ulong bit)
    {
        var index = (int)(BitCount >> 3);
        if (index == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        if (bit != 0)
        {
            _buffer[index] |= (byte)(0x80 >> (int)(BitCount & 7));
        }

        BitCount++;
    }
}
