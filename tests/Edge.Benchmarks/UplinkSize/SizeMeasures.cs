using System.Globalization;

namespace Edge.Benchmarks.UplinkSize;

/// <summary>The two yardsticks next to our format: naive JSON and the order-0 entropy of the value deltas.</summary>
internal static class SizeMeasures
{
    /// <summary>
    /// Bytes of one JSON object per reading, as a naive uplink sends them, e.g.
    /// <c>{"device":"pm-000001","time":"2026-11-01T00:00:00Z","volume_l":12345,"seq":17}</c>.
    /// </summary>
    public static long NaiveJsonBytes(MeterSeries[] fleet, DateTimeOffset startUtc)
    {
        long total = 0;
        foreach (var meter in fleet)
        {
            for (var h = 0; h < meter.RegisterLitres.Length; h++)
            {
                total += NaiveJson(meter, h, startUtc).Length; // ASCII only: one byte per char
            }
        }

        return total;
    }

    /// <summary>The naive JSON object of reading <paramref name="hour"/> of <paramref name="meter"/>.</summary>
    public static string NaiveJson(MeterSeries meter, int hour, DateTimeOffset startUtc)
    {
        var time = startUtc.AddHours(hour).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture,
            $"{{\"device\":\"{meter.DeviceId}\",\"time\":\"{time}\",\"volume_l\":{meter.RegisterLitres[hour]},\"seq\":{meter.FirstSeq + hour}}}");
    }

    /// <summary>
    /// Order-0 Shannon entropy H = −Σ p·log2 p (bits per symbol) of the hourly register deltas of every
    /// meter pooled together (reading h − reading h−1, so each meter's first reading has none).
    /// </summary>
    public static double DeltaEntropyBits(MeterSeries[] fleet)
    {
        var counts = new Dictionary<long, long>();
        long symbols = 0;
        foreach (var meter in fleet)
        {
            for (var h = 1; h < meter.RegisterLitres.Length; h++)
            {
                var delta = meter.RegisterLitres[h] - meter.RegisterLitres[h - 1];
                counts[delta] = counts.GetValueOrDefault(delta) + 1;
                symbols++;
            }
        }

        var bits = 0.0;
        foreach (var count in counts.Values)
        {
            var p = (double)count / symbols;
            bits -= p * Math.Log2(p);
        }

        return bits;
    }
}
