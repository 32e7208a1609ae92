namespace Edge.Benchmarks.UplinkSize;

/// <summary>
/// Gorilla blocks of the fleet: one block per meter series (all its hourly readings, not two-hour blocks),
/// times in Unix seconds, values the register in litres as IEEE doubles. Every block is decoded again and
/// compared (<see cref="GorillaSelfCheck"/>); the size counted is ceil(bits / 8) per block.
/// </summary>
internal static class GorillaMeasure
{
    public static (long Bytes, long Bits, GorillaCodes Codes) Encode(MeterSeries[] fleet, DateTimeOffset startUtc)
    {
        GorillaSelfCheck.RunSynthetic();
        var codes = new GorillaCodes();
        long bytes = 0;
        long bits = 0;
        var start = startUtc.ToUnixTimeSeconds();
        foreach (var meter in fleet)
        {
            var times = new long[meter.RegisterLitres.Length];
            var values = new double[meter.RegisterLitres.Length];
            for (var h = 0; h < times.Length; h++)
            {
                times[h] = start + (h * 3600L);
                values[h] = meter.RegisterLitres[h];
            }

            var encoded = GorillaSelfCheck.RoundTrip(meter.DeviceId, times, values, codes);
            bytes += encoded.Bytes.Length;
            bits += encoded.Bits;
        }

        return (bytes, bits, codes);
    }
}
