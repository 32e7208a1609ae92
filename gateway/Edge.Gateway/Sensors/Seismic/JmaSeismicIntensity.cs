using System.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace Edge.Gateway.Sensors.Seismic;

/// <summary>
/// The JMA instrumental seismic intensity (計測震度) of a 3-axis acceleration window, as JMA publishes the
/// method: per axis a Fourier transform, the <see cref="JmaFilter"/> (period effect, high cut, low cut), the
/// inverse transform; the vector sum of the three filtered axes; a = the value that the vector is at or
/// above for a total of 0.3 s (at 100 Hz: the 30th largest sample); I = 2·log10(a) + 0.94, rounded half
/// away from zero to 2 decimals and then truncated to 1 decimal; the class from that (<see cref="JmaIntensityClasses"/>).
/// </summary>
/// <remarks>
/// <para>Each axis's mean is removed first and the window is zero-padded to the next power of two (the
/// transform is then circular over the padded length, so the end of the window does not wrap onto its
/// start). A sensor at rest reads gravity on one axis; without the mean removal that step would leak
/// through the filter once padded. Both leave a zero-mean power-of-two window, such as the stated cases,
/// unchanged.</para>
/// <para>The filter is real and even in f, so it takes real signals to real signals: the two horizontal
/// axes go through one complex transform as x + iy (the filtered x comes back as the real part, the
/// filtered y as the imaginary part), the vertical axis through a second one.</para>
/// <para>One instance keeps its buffers between calls (no allocation for windows of the same size); it is
/// not thread-safe. Every result is a reference value (参考値).</para>
/// </remarks>
public sealed class JmaSeismicIntensity
{
    /// <summary>The time the vector must be at or above a (s).</summary>
    public const double CriterionSeconds = 0.3;

    private Complex[] _horizontal = [];
    private Complex[] _vertical = [];
    private double[] _gain = [];
    private double[] _top = [];
    private int _fftLength;
    private double _gainRate;

    /// <summary>Computes the intensity of a window; the three axes in gal, same length, sampled at <paramref name="sampleRateHz"/>.</summary>
    /// <exception cref="ArgumentException">Axes of different lengths, a window shorter than 0.3 s, or a rate that is not positive.</exception>
    public JmaIntensityResult Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, double sampleRateHz = 100.0)
    {
        var n = x.Length;
        if (y.Length != n || z.Length != n)
        {
            throw new ArgumentException("the three axes must have the same number of samples");
        }

        if (!(sampleRateHz > 0) || double.IsInfinity(sampleRateHz))
        {
            throw new ArgumentException("the sample rate must be positive", nameof(sampleRateHz));
        }

        var count = CriterionSamples(sampleRateHz);
        if (n < count)
        {
            throw new ArgumentException($"a window of {n} samples is shorter than {CriterionSeconds} s at {sampleRateHz} Hz");
        }

        Prepare(n, sampleRateHz, count);
        Load(x, y, _horizontal);
        Load(z, default, _vertical);
        Filter(_horizontal);
        Filter(_vertical);
        var a = KthLargestVector(n, count);
        return FromAcceleration(a, n, sampleRateHz);
    }

    /// <summary>Samples that make up 0.3 s at <paramref name="sampleRateHz"/> (30 at 100 Hz), at least 1.</summary>
    public static int CriterionSamples(double sampleRateHz)
    {
        var c = (int)Math.Round(CriterionSeconds * sampleRateHz, MidpointRounding.AwayFromZero);
        return c < 1 ? 1 : c;
    }

    /// <summary>The result for a known a (gal): I = 2·log10(a) + 0.94, rounded as JMA does.</summary>
    public static JmaIntensityResult FromAcceleration(double accelerationGal, int samples = 0, double sampleRateHz = 100.0)
    {
        var raw = accelerationGal > 0 ? (2.0 * Math.Log10(accelerationGal)) + 0.94 : double.NegativeInfinity;
        return new JmaIntensityResult(accelerationGal, raw, RoundTenths(raw), samples, sampleRateHz);
    }

    /// <summary>
    /// JMA's rounding in tenths: half away from zero at the third decimal (to 2 decimals), then the second
    /// decimal dropped (truncation toward zero). 4.94 → 49, 4.495 → 4.50 → 45, 5.1534 → 5.15 → 51.
    /// </summary>
    public static int RoundTenths(double rawIntensity)
    {
        if (double.IsNegativeInfinity(rawIntensity) || rawIntensity < -99)
        {
            return -990;
        }

        var hundredths = (long)Math.Round(rawIntensity * 100.0, MidpointRounding.AwayFromZero);
        return (int)(hundredths / 10);
    }

    private void Prepare(int n, double rate, int count)
    {
        var m = 1;
        while (m < n)
        {
            m <<= 1;
        }

        if (m != _fftLength || rate != _gainRate)
        {
            _fftLength = m;
            _gainRate = rate;
            _horizontal = new Complex[m];
            _vertical = new Complex[m];
            _gain = new double[m];
            for (var k = 0; k < m; k++)
            {
                // Bin k is frequency k·rate/m for k ≤ m/2 and (k − m)·rate/m above; W is even.
                _gain[k] = JmaFilter.Gain((k <= m / 2 ? k : m - k) * rate / m);
            }
        }

        if (_top.Length != count)
        {
            _top = new double[count];
        }
    }

    // Mean removed per axis, zero-padded: re + i·im in buffer (im empty → 0).
    private static void Load(ReadOnlySpan<double> re, ReadOnlySpan<double> im, Complex[] buffer)
    {
        var n = re.Length;
        var meanRe = Mean(re);
        var meanIm = im.IsEmpty ? 0.0 : Mean(im);
        for (var i = 0; i < n; i++)
        {
            buffer[i] = new Complex(re[i] - meanRe, im.IsEmpty ? 0.0 : im[i] - meanIm);
        }

        Array.Clear(buffer, n, buffer.Length - n);
    }

    private static double Mean(ReadOnlySpan<double> samples)
    {
        var sum = 0.0;
        for (var i = 0; i < samples.Length; i++)
        {
            sum += samples[i];
        }

        return sum / samples.Length;
    }

    // Forward FFT, W(f) on every bin, inverse FFT (in place).
    private void Filter(Complex[] buffer)
    {
        Fourier.Forward(buffer, FourierOptions.Default);
        var gain = _gain;
        for (var k = 0; k < gain.Length; k++)
        {
            buffer[k] *= gain[k];
        }

        Fourier.Inverse(buffer, FourierOptions.Default);
    }

    // The count-th largest |v| over the window (count ≤ a few hundred): a sorted top list, smallest first.
    private double KthLargestVector(int n, int count)
    {
        var top = _top;
        var filled = 0;
        for (var i = 0; i < n; i++)
        {
            var h = _horizontal[i];
            var zf = _vertical[i].Real;
            var v2 = (h.Real * h.Real) + (h.Imaginary * h.Imaginary) + (zf * zf);
            if (filled < count)
            {
                var j = filled++;
                while (j > 0 && top[j - 1] > v2)
                {
                    top[j] = top[j - 1];
                    j--;
                }

                top[j] = v2;
            }
            else if (v2 > top[0])
            {
                var j = 0;
                while (j + 1 < count && top[j + 1] < v2)
                {
                    top[j] = top[j + 1];
                    j++;
                }

                top[j] = v2;
            }
        }

        return Math.Sqrt(top[0]);
    }
}
