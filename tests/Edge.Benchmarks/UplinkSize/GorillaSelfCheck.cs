namespace Edge.Benchmarks.UplinkSize;

/// <summary>
/// Encodes and decodes Gorilla blocks and throws unless every point comes back bit for bit: every meter
/// series of the benchmark, and a synthetic series built to use every control code at its range edges.
/// </summary>
internal static class GorillaSelfCheck
{
    /// <summary>Round-trips one series; returns its encoded size. Throws on any difference.</summary>
    public static (byte[] Bytes, long Bits) RoundTrip(string name, long[] timesSeconds, double[] values, GorillaCodes codes)
    {
        var encoded = GorillaEncoder.Encode(timesSeconds, values, codes);
        var (times, decoded) = GorillaDecoder.Decode(encoded.Bytes, timesSeconds.Length);
        for (var i = 0; i < timesSeconds.Length; i++)
        {
            if (times[i] != timesSeconds[i] || BitConverter.DoubleToUInt64Bits(decoded[i]) != BitConverter.DoubleToUInt64Bits(values[i]))
            {
                throw new InvalidOperationException(
                    $"gorilla self-check failed for {name} at point {i}: wrote ({timesSeconds[i]}, {values[i]:R}), read back ({times[i]}, {decoded[i]:R})");
            }
        }

        return encoded;
    }

    /// <summary>
    /// Round-trips a series whose deltas-of-delta sit on both edges of every bucket and whose values are
    /// equal, inside the window, outside it, sign flips, NaN, infinities, subnormals and a 64-bit XOR.
    /// Throws when a point differs or a control code went unused.
    /// </summary>
    public static void RunSynthetic()
    {
        long[] deltasOfDelta =
        [
            0, 1, -1, 64, -63, -64, 65, 256, -255, -256, 257, 2048, -2047, -2048, 2049,
            int.MaxValue, int.MinValue, 0, 0, 12345, -12345, 0,
        ];
        double[] values =
        [
            1.0, 1.0, 1.5, 1.25, 1.75, -1.75, double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 0.0,
            BitConverter.UInt64BitsToDouble(0x8000_0000_0000_0001), // XOR with 0.0 spans all 64 bits
            BitConverter.UInt64BitsToDouble(1), BitConverter.UInt64BitsToDouble(3), // > 31 leading zeros
            double.Epsilon, double.MaxValue, double.MinValue, 123456.0, 123457.0, 123457.0, 123458.0, 0.1,
        ];
        var times = new long[values.Length];
        times[0] = 1_790_000_123; // not on a two-hour boundary: a non-zero 14-bit first delta
        var delta = 60L;
        for (var i = 1; i < times.Length; i++)
        {
            delta += deltasOfDelta[i - 1];
            times[i] = times[i - 1] + delta;
        }

        var codes = new GorillaCodes();
        RoundTrip("synthetic series", times, values, codes);
        if (!codes.AllUsed)
        {
            throw new InvalidOperationException($"gorilla self-check: the synthetic series left a control code unused ({codes})");
        }

        // Negative times and a single point.
        RoundTrip("negative times", [-7201, -3600, 0], [2.0, 2.0, 3.0], new GorillaCodes());
        RoundTrip("one point", [1_790_000_000], [42.0], new GorillaCodes());
    }
}
