namespace Edge.Benchmarks.UplinkSize;

/// <summary>Reads a block written by <see cref="GorillaEncoder"/> back into its points.</summary>
internal static class GorillaDecoder
{
    public static (long[] TimesSeconds, double[] Values) Decode(byte[] bytes, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var r = new BitReader(bytes);
        var times = new long[count];
        var values = new double[count];
        var header = (long)r.Read(64);
        var previousDelta = (long)r.Read(GorillaEncoder.FirstDeltaBits);
        times[0] = header + previousDelta;
        var previousBits = r.Read(64);
        values[0] = BitConverter.UInt64BitsToDouble(previousBits);
        var window = (Leading: -1, Trailing: -1);
        for (var i = 1; i < count; i++)
        {
            var delta = previousDelta + ReadDeltaOfDelta(r);
            times[i] = times[i - 1] + delta;
            previousDelta = delta;

            if (r.ReadBit() != 0)
            {
                if (r.ReadBit() != 0)
                {
                    var leading = (int)r.Read(5);
                    var length = (int)r.Read(6);
                    length = length == 0 ? 64 : length;
                    if (leading + length > 64)
                    {
                        throw new InvalidOperationException($"point {i}: window of {leading} leading zeros and {length} bits exceeds 64 bits");
                    }

                    window = (leading, 64 - leading - length);
                }
                else if (window.Leading < 0)
                {
                    throw new InvalidOperationException($"point {i}: value code '10' before any window was set");
                }

                previousBits ^= r.Read(64 - window.Leading - window.Trailing) << window.Trailing;
            }

            values[i] = BitConverter.UInt64BitsToDouble(previousBits);
        }

        return (times, values);
    }

    private static long ReadDeltaOfDelta(BitReader r)
    {
        if (r.ReadBit() == 0)
        {
            return 0;
        }

        if (r.ReadBit() == 0)
        {
            return Field(r.Read(7), 7);
        }

        if (r.ReadBit() == 0)
        {
            return Field(r.Read(9), 9);
        }

        return r.ReadBit() == 0 ? Field(r.Read(12), 12) : (int)(uint)r.Read(32);
    }

    // An n-bit field holds −(2^(n−1) − 1)..2^(n−1): values above 2^(n−1) are negative.
    private static long Field(ulong raw, int bits) => raw > (1UL << (bits - 1)) ? (long)raw - (1L << bits) : (long)raw;
}
