using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Edge.Firmware.Echonet;

namespace Edge.Benchmarks.EchonetDecode;

/// <summary>
/// <c>echonet-decode</c>: ECHONET Lite frames decoded per second on one thread (frame codec, scale learning and
/// every property's meaning) and bytes allocated per frame, against the frame codec alone on the same frames.
/// </summary>
internal static class EchonetDecodeHarness
{
    private static readonly TimeSpan _warmUp = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan _measure = TimeSpan.FromSeconds(3);
    private const int AllocationDecodes = 100_000;

    // Hand-built: a smart meter's Get_Res of E7, E8, E0; its 30-minute history 0xE2 of day 11 (48 slots);
    // a water flow meter's E0 with unit E1 and abnormality E3; the smart meter's 25-property Get property map.
    private static readonly (string Name, string Hex)[] _samples =
    [
        ("smart_get_res", "1081000102880105FF017203E7040000055EE80400000082E00400052155"),
        ("smart_history", "1081000102880105FF017201E2C2000B" + string.Concat(Enumerable.Range(0, 48).Select(s => (63334 + (2 * s)).ToString("X8", CultureInfo.InvariantCulture)))),
        ("water_get_res", "1081000202810105FF017203E0040001E240E10103E30142"),
        ("property_map", "1081000102880105FF0172019F111941414160404000624300414040430202"),
    ];

    public static int Run(TextWriter output)
    {
#if DEBUG
        output.WriteLine("warning: Debug build; figures are for -c Release");
#endif
        output.WriteLine($"echonet-decode: single thread, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSArchitecture}, {Environment.ProcessorCount} logical CPUs; {_warmUp.TotalSeconds:F0} s warm-up, {_measure.TotalSeconds:F0} s measured per frame; allocation over {AllocationDecodes} decodes after warm-up (GC.GetAllocatedBytesForCurrentThread)");
        var frame = new EchonetFrame();
        var scale = new EchonetMeterScale();
        var value = new EchonetValue();
        foreach (var (name, hex) in _samples)
        {
            var bytes = Convert.FromHexString(hex);
            bool Full()
            {
                if (!frame.TryDecode(bytes, 0, bytes.Length))
                {
                    return false;
                }

                EchonetPropertyDecoder.Learn(frame, scale);
                var ok = true;
                for (var i = 0; i < frame.PropertyCount; i++)
                {
                    ok &= EchonetPropertyDecoder.Decode(frame, i, scale, value);
                }

                return ok;
            }

            bool CodecOnly() => frame.TryDecode(bytes, 0, bytes.Length);

            if (!Full())
            {
                output.WriteLine($"{name}: does not decode: {frame.ErrorText ?? value.ErrorText}");
                return 1;
            }

            Loop(Full, _warmUp);
            var (count, elapsed) = Loop(Full, _measure);
            var (codecCount, codecElapsed) = Loop(CodecOnly, _measure);
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < AllocationDecodes; i++)
            {
                Full();
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {bytes.Length} bytes, {frame.PropertyCount} properties"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}_frames_per_s={count / elapsed.TotalSeconds:F0}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}_ns_per_frame={elapsed.TotalMilliseconds * 1e6 / count:F0}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}_codec_only_ns_per_frame={codecElapsed.TotalMilliseconds * 1e6 / codecCount:F0}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}_allocated_bytes_per_frame={(double)allocated / AllocationDecodes:F2}"));
        }

        return 0;
    }

    private static (long Count, TimeSpan Elapsed) Loop(Func<bool> decode, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        long count = 0;
        while (clock.Elapsed < duration)
        {
            for (var i = 0; i < 1000; i++)
            {
                decode();
            }

            count += 1000;
        }

        return (count, clock.Elapsed);
    }
}
