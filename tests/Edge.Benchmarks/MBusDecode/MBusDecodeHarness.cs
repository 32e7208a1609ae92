using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Edge.Firmware.MBus;

namespace Edge.Benchmarks.MBusDecode;

/// <summary>
/// <c>mbus-decode</c>: telegrams decoded per second on one thread and bytes allocated per decoded telegram,
/// for a plain and a mode 5 wireless telegram (firmware AES), a Kamstrup compact frame and a wired frame.
/// </summary>
internal static class MBusDecodeHarness
{
    private static readonly TimeSpan _warmUp = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan _measure = TimeSpan.FromSeconds(3);
    private const int AllocationDecodes = 100_000;

    public static int Run(TextWriter output)
    {
#if DEBUG
        output.WriteLine("warning: Debug build; figures are for -c Release");
#endif
        output.WriteLine($"mbus-decode: single thread, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSArchitecture}, {Environment.ProcessorCount} logical CPUs; {_warmUp.TotalSeconds:F0} s warm-up, {_measure.TotalSeconds:F0} s measured per telegram; allocation over {AllocationDecodes} decodes after warm-up (GC.GetAllocatedBytesForCurrentThread)");
        foreach (var sample in DecodeSamples.Load(output))
        {
            var decode = Decoder(sample);
            var t = new MBusTelegram();
            if (!decode(t))
            {
                output.WriteLine($"{sample.Name}: does not decode: {t.Error}");
                return 1;
            }

            Loop(decode, t, _warmUp);
            var (count, elapsed) = Loop(decode, t, _measure);
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < AllocationDecodes; i++)
            {
                decode(t);
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            output.WriteLine($"{sample.Name}: {sample.Source}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sample.Name}_telegrams_per_s={count / elapsed.TotalSeconds:F0}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sample.Name}_ns_per_telegram={elapsed.TotalMilliseconds * 1e6 / count:F0}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sample.Name}_allocated_bytes_per_telegram={(double)allocated / AllocationDecodes:F2}"));
        }

        return 0;
    }

    private static Func<MBusTelegram, bool> Decoder(DecodeSample sample)
    {
        var frame = sample.Frame;
        if (sample.Wired)
        {
            var wired = new MBusWiredDecoder();
            return t => wired.TryDecode(frame, 0, frame.Length, t);
        }

        var wireless = new WMBusDecoder { Cipher = new PortableWMBusCipher() };
        var key = sample.Key;
        return t => wireless.TryDecode(frame, 0, frame.Length, key, t);
    }

    private static (long Count, TimeSpan Elapsed) Loop(Func<MBusTelegram, bool> decode, MBusTelegram t, TimeSpan duration)
    {
        var clock = Stopwatch.StartNew();
        long count = 0;
        while (clock.Elapsed < duration)
        {
            for (var i = 0; i < 1000; i++)
            {
                decode(t);
            }

            count += 1000;
        }

        return (count, clock.Elapsed);
    }
}
