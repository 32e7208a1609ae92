using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Edge.Firmware.Wisun;

namespace Edge.Benchmarks.WisunParse;

/// <summary>
/// <c>wisun-parse</c>: SKSTACK-IP lines parsed per second on one thread and bytes allocated per line, for an ERXUDP of
/// each module generation (the 18-byte Get_Res of corpus record 1, hex data), an EVENT 21 and an EPANDESC field.
/// </summary>
internal static class WisunParseHarness
{
    private static readonly TimeSpan _warmUp = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan _measure = TimeSpan.FromSeconds(2);
    private const int AllocationParses = 100_000;

    private static readonly (string Name, string Line)[] _samples =
    [
        ("erxudp_bp35a1", "ERXUDP FE80:0000:0000:0000:021C:6400:6014:21A3 FE80:0000:0000:0000:021D:1290:0005:747B 0E1A 0E1A 001C6400601421A3 1 0012 1081000102880105FF017201D30400000001"),
        ("erxudp_bp35c0", "ERXUDP FE80:0000:0000:0000:021C:6400:6014:21A3 FE80:0000:0000:0000:021D:1290:0005:747B 0E1A 0E1A 001C6400601421A3 C4 1 0 0012 1081000102880105FF017201D30400000001"),
        ("event21", "EVENT 21 FE80:0000:0000:0000:021C:6400:6014:21A3 0 00"),
        ("epandesc_field", "  Addr:001C6400601421A3"),
    ];

    public static int Run(TextWriter output)
    {
#if DEBUG
        output.WriteLine("warning: Debug build; figures are for -c Release");
#endif
        output.WriteLine($"wisun-parse: single thread, {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSArchitecture}, {Environment.ProcessorCount} logical CPUs; {_warmUp.TotalSeconds:F0} s warm-up, {_measure.TotalSeconds:F0} s measured per line; allocation over {AllocationParses} parses (GC.GetAllocatedBytesForCurrentThread)");
        var parser = new SkStackLine();
        foreach (var (name, text) in _samples)
        {
            var bytes = Encoding.ASCII.GetBytes(text);
            if (parser.Parse(bytes, bytes.Length) == SkStackLineKind.Unknown)
            {
                output.WriteLine($"{name}: does not parse");
                return 1;
            }

            Loop(parser, bytes, _warmUp);
            var (count, elapsed) = Loop(parser, bytes, _measure);
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < AllocationParses; i++)
            {
                parser.Parse(bytes, bytes.Length);
            }

            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}_lines_per_s={count / elapsed.TotalSeconds:F0}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}_ns_per_line={elapsed.TotalMilliseconds * 1e6 / count:F0}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}_allocated_bytes_per_line={(double)allocated / AllocationParses:F2}"));
        }

        return 0;
    }

    private static (long Count, TimeSpan Elapsed) Loop(SkStackLine parser, byte[] bytes, TimeSpan duration)
    {
        var watch = Stopwatch.StartNew();
        long count = 0;
        while (watch.Elapsed < duration)
        {
            for (var i = 0; i < 1000; i++)
            {
                parser.Parse(bytes, bytes.Length);
            }

            count += 1000;
        }

        return (count, watch.Elapsed);
    }
}
