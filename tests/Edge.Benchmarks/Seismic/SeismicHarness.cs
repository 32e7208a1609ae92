using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using Edge.Gateway.Sensors.Seismic;
using Edge.HwSim.Sensors.Seismic;
using MathNet.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace Edge.Benchmarks.Seismic;

/// <summary>
/// <c>seismic</c>: milliseconds per JMA instrumental intensity computation over a 60 s, 100 Hz, 3-axis window
/// (6,000 samples per axis, padded to 8,192) on one core, with the share of the FFTs alone as baseline.
/// </summary>
internal static class SeismicHarness
{
    private const int Samples = 6000;
    private const double RateHz = 100.0;
    private static readonly TimeSpan _warmUp = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan _measure = TimeSpan.FromSeconds(5);

    public static int Run(TextWriter output)
    {
#if DEBUG
        output.WriteLine("warning: Debug build; figures are for -c Release");
#endif
        // One core: MathNet's managed provider runs single-threaded, and the process is pinned to CPU 0.
        Control.UseSingleThread();
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        var quake = SyntheticQuake.Generate(new SyntheticQuakeOptions { DurationSeconds = Samples / RateHz, SampleRateHz = RateHz, Seed = 1 });
        output.WriteLine($"seismic: one core (affinity CPU 0, MathNet single-threaded), {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSArchitecture}; window 60 s at 100 Hz x 3 axes (synthetic earthquake, hw-sim); {_warmUp.TotalSeconds:F0} s warm-up, {_measure.TotalSeconds:F0} s measured");
        var calc = new JmaSeismicIntensity();
        var result = calc.Compute(quake.X, quake.Y, quake.Z, RateHz);
        output.WriteLine($"window result: a = {result.AccelerationGal.ToString("F3", CultureInfo.InvariantCulture)} gal, {result}");

        void Intensity() => calc.Compute(quake.X, quake.Y, quake.Z, RateHz);
        Loop(Intensity, _warmUp);
        var (count, elapsed) = Loop(Intensity, _measure);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Intensity();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Baseline: the transforms alone (two complex FFTs of length 8192 forward and back: x + iy, and z).
        var buffer = new Complex[8192];
        void FftsOnly()
        {
            for (var pass = 0; pass < 2; pass++)
            {
                Array.Clear(buffer);
                for (var i = 0; i < Samples; i++)
                {
                    buffer[i] = new Complex(quake.X[i], pass == 0 ? quake.Y[i] : 0);
                }

                Fourier.Forward(buffer, FourierOptions.Default);
                Fourier.Inverse(buffer, FourierOptions.Default);
            }
        }

        Loop(FftsOnly, _warmUp);
        var (fftCount, fftElapsed) = Loop(FftsOnly, _measure);
        var ms = elapsed.TotalMilliseconds / count;
        var fftMs = fftElapsed.TotalMilliseconds / fftCount;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seismic_ms_per_intensity={ms:F3}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seismic_intensities_per_s={count / elapsed.TotalSeconds:F0}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seismic_allocated_bytes_per_intensity={allocated}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fft_only_ms_per_window={fftMs:F3}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fft_share={fftMs / ms:F2}"));
        return 0;
    }

    private static (long Count, TimeSpan Elapsed) Loop(Action action, TimeSpan duration)
    {
        var sw = Stopwatch.StartNew();
        long count = 0;
        while (sw.Elapsed < duration)
        {
            for (var i = 0; i < 10; i++)
            {
                action();
            }

            count += 10;
        }

        return (count, sw.Elapsed);
    }
}
