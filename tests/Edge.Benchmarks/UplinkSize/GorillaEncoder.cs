using System.Numerics;

namespace Edge.Benchmarks.UplinkSize;

/// <summary>
/// One Gorilla block (Pelkonen et al., "Gorilla: A Fast, Scalable, In-Memory Time Series Database",
/// VLDB 2015, §4.1) of a series of (Unix seconds, IEEE double) points, written from the paper's description:
/// a 64-bit header time t−1 (t0 rounded down to its two-hour window), t0 − t−1 in 14 bits, v0 in 64 bits;
/// then per point the delta-of-delta D = (tn − tn−1) − (tn−1 − tn−2) as '0' (D = 0), '10' + 7 bits
/// (−63..64), '110' + 9 bits (−255..256), '1110' + 12 bits (−2047..2048) or '1111' + 32 bits, and the value
/// XORed with the previous one as '0' (equal), '10' + the meaningful bits when they fall inside the
/// previous window (at least as many leading and trailing zeros), or '11' + 5 bits leading zeros + 6 bits
/// meaningful length + the meaningful bits (which then become the window).
/// The point count is not in the block (Gorilla keeps it beside the block); the decoder is given it.
/// </summary>
internal static class GorillaEncoder
{
    public const long WindowSeconds = 2 * 3600;
    public const int FirstDeltaBits = 14;

    /// <summary>Encodes the points; <paramref name="codes"/> counts the control codes used.</summary>
    public static (byte[] Bytes, long Bits) Encode(long[] timesSeconds, double[] values, GorillaCodes codes)
    {
        if (timesSeconds.Length == 0 || timesSeconds.Length != values.Length)
        {
            throw new ArgumentException("need one value per time and at least one point");
        }

        var w = new BitWriter();
        var header = Math.DivRem(timesSeconds[0], WindowSeconds).Quotient * WindowSeconds;
        if (header > timesSeconds[0])
        {
            header -= WindowSeconds; // round down for negative times as well
        }

        var previousDelta = timesSeconds[0] - header; // 0..7199: fits 14 bits
        w.Write((ulong)header, 64);
        w.Write((ulong)previousDelta, FirstDeltaBits);
        var previousBits = BitConverter.DoubleToUInt64Bits(values[0]);
        w.Write(previousBits, 64);
        var window = (Leading: -1, Trailing: -1);
        for (var i = 1; i < timesSeconds.Length; i++)
        {
            var delta = timesSeconds[i] - timesSeconds[i - 1];
            WriteDeltaOfDelta(w, delta - previousDelta, codes);
            previousDelta = delta;

            var bits = BitConverter.DoubleToUInt64Bits(values[i]);
            window = WriteXor(w, bits ^ previousBits, window, codes);
            previousBits = bits;
        }

        return (w.ToArray(), w.BitCount);
    }

    private static void WriteDeltaOfDelta(BitWriter w, long d, GorillaCodes codes)
    {
        // An n-bit field carries −(2^(n−1) − 1)..2^(n−1): the paper's ranges. Stored as d mod 2^n.
        if (d == 0)
        {
            w.Write(0b0, 1);
            codes.Timestamps[0]++;
        }
        else if (d is >= -63 and <= 64)
        {
            w.Write(0b10, 2);
            w.Write((ulong)d & 0x7F, 7);
            codes.Timestamps[1]++;
        }
        else if (d is >= -255 and <= 256)
        {
            w.Write(0b110, 3);
            w.Write((ulong)d & 0x1FF, 9);
            codes.Timestamps[2]++;
        }
        else if (d is >= -2047 and <= 2048)
        {
            w.Write(0b1110, 4);
            w.Write((ulong)d & 0xFFF, 12);
            codes.Timestamps[3]++;
        }
        else if (d is >= int.MinValue and <= int.MaxValue)
        {
            w.Write(0b1111, 4);
            w.Write((uint)(int)d, 32);
            codes.Timestamps[4]++;
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(d), d, "a delta-of-delta beyond 32 bits has no Gorilla code");
        }
    }

    private static (int Leading, int Trailing) WriteXor(BitWriter w, ulong xor, (int Leading, int Trailing) window, GorillaCodes codes)
    {
        if (xor == 0)
        {
            w.Write(0b0, 1);
            codes.Values[0]++;
            return window;
        }

        // 5 bits hold at most 31 leading zeros; more are stored as meaningful bits.
        var leading = Math.Min(BitOperations.LeadingZeroCount(xor), 31);
        var trailing = BitOperations.TrailingZeroCount(xor);
        if (window.Leading >= 0 && leading >= window.Leading && trailing >= window.Trailing)
        {
            w.Write(0b10, 2);
            w.Write(xor >> window.Trailing, 64 - window.Leading - window.Trailing);
            codes.Values[1]++;
            return window;
        }

        var length = 64 - leading - trailing; // 1..64; 64 is written as 0 in 6 bits
        w.Write(0b11, 2);
        w.Write((ulong)leading, 5);
        w.Write((ulong)(length & 0x3F), 6);
        w.Write(xor >> trailing, length);
        codes.Values[2]++;
        return (leading, trailing);
    }
}
