using Edge.Gateway.Sensors.Seismic;

namespace Edge.Gateway.Tests.Sensors.Seismic;

/// <summary>
/// The JMA instrumental seismic intensity against the cases of ../shared/conformance/sensors.md ("JMA
/// instrumental seismic intensity") and against sinusoids whose filtered amplitude follows from the filter
/// formula, computed here independently of <see cref="JmaFilter"/>.
/// </summary>
public sealed class JmaSeismicIntensityTests
{
    private const double Dt = 0.01;
    private const int N = 8192;

    // sensors.md: f = 82/(8192·0.01) Hz, exactly on FFT bin 82.
    private const double CaseHz = 82.0 / (N * Dt);

    // The filter written out again from JMA's publication (not through JmaFilter).
    private static double IndependentGain(double f)
    {
        var y = f / 10.0;
        var hc = 1.0 / Math.Sqrt(1 + (0.694 * Math.Pow(y, 2)) + (0.241 * Math.Pow(y, 4)) + (0.0557 * Math.Pow(y, 6))
            + (0.009664 * Math.Pow(y, 8)) + (0.00134 * Math.Pow(y, 10)) + (0.000155 * Math.Pow(y, 12)));
        var lc = Math.Sqrt(1 - Math.Exp(-Math.Pow(f / 0.5, 3)));
        return Math.Sqrt(1 / f) * hc * lc;
    }

    [Theory]
    [InlineData(0.5, 1.123410)]
    [InlineData(1.0, 0.996369)]
    [InlineData(5.0, 0.410051)]
    public void Gain_StatedValues_Match(double f, double expected)
    {
        Assert.Equal(expected, JmaFilter.Gain(f), 6);
        Assert.Equal(IndependentGain(f), JmaFilter.Gain(f), 12);
    }

    [Fact]
    public void Gain_AtZeroAndFarOut_IsZeroAndSmall()
    {
        Assert.Equal(0.0, JmaFilter.Gain(0));
        Assert.True(JmaFilter.Gain(1e-4) < 1e-3);
        Assert.True(JmaFilter.Gain(50) < 0.01);
        Assert.Equal(JmaFilter.Gain(3), JmaFilter.Gain(-3));
    }

    [Theory]
    [InlineData(100.0, 49, JmaIntensityClass.FiveLower)]
    [InlineData(127.85, 51, JmaIntensityClass.FiveUpper)]
    [InlineData(60.2560, 45, JmaIntensityClass.FiveLower)]
    public void FromAcceleration_StatedCases(double a, int tenths, JmaIntensityClass expected)
    {
        var r = JmaSeismicIntensity.FromAcceleration(a);
        Assert.Equal(tenths, r.Tenths);
        Assert.Equal(expected, r.Class);
        Assert.True(r.IsReferenceValue);
    }

    [Fact]
    public void Compute_CircularMotionCase_A100_I49()
    {
        const double amplitude = 100.413724;
        var x = new double[N];
        var y = new double[N];
        var z = new double[N];
        for (var i = 0; i < N; i++)
        {
            var phase = 2 * Math.PI * CaseHz * i * Dt;
            x[i] = amplitude * Math.Cos(phase);
            y[i] = amplitude * Math.Sin(phase);
        }

        var r = new JmaSeismicIntensity().Compute(x, y, z);
        Assert.Equal(100.000, r.AccelerationGal, 3);
        Assert.Equal(49, r.Tenths);
        Assert.Equal(JmaIntensityClass.FiveLower, r.Class);
        Assert.Equal("計測震度 4.9 (震度5弱) 参考値", r.ToString());
    }

    [Fact]
    public void Compute_SingleAxisSineCase_A199_172_I55()
    {
        var x = new double[N];
        for (var i = 0; i < N; i++)
        {
            x[i] = 200.0 * Math.Sin(2 * Math.PI * CaseHz * i * Dt);
        }

        var r = new JmaSeismicIntensity().Compute(x, new double[N], new double[N]);
        Assert.Equal(199.172, r.AccelerationGal, 3);
        Assert.Equal(55, r.Tenths);
        Assert.Equal(JmaIntensityClass.SixLower, r.Class);
        Assert.Equal("震度6弱", JmaIntensityClasses.Name(r.Class));
    }

    // Circular motion of amplitude A at a bin frequency: the filtered vector has the constant length A·W(f).
    [Theory]
    [InlineData(41, 300.0)]
    [InlineData(82, 10.0)]
    [InlineData(164, 55.0)]
    [InlineData(410, 120.0)]
    [InlineData(819, 700.0)]
    public void Compute_CircularMotionAtBin_IsAmplitudeTimesFilterGain(int bin, double amplitude)
    {
        var f = bin / (N * Dt);
        var x = new double[N];
        var z = new double[N];
        for (var i = 0; i < N; i++)
        {
            var phase = 2 * Math.PI * f * i * Dt;
            x[i] = amplitude * Math.Cos(phase);
            z[i] = amplitude * Math.Sin(phase);
        }

        var r = new JmaSeismicIntensity().Compute(x, new double[N], z);
        var expected = amplitude * IndependentGain(f);
        Assert.Equal(expected, r.AccelerationGal, 9 - (int)Math.Ceiling(Math.Log10(expected)));
        var raw = (2 * Math.Log10(expected)) + 0.94;
        Assert.Equal((int)(Math.Round(raw * 100, MidpointRounding.AwayFromZero) / 10), r.Tenths);
    }

    // One axis A·sin(2πf t + φ) at a bin frequency: filtered A·W(f)·sin(...); a is the 30th largest of its |samples|.
    [Theory]
    [InlineData(82, 0.0)]
    [InlineData(200, 0.7)]
    [InlineData(333, 2.1)]
    public void Compute_SineAtBin_IsThirtiethLargestOfFilteredSine(int bin, double phase)
    {
        var f = bin / (N * Dt);
        var y = new double[N];
        var expectedSamples = new double[N];
        var w = IndependentGain(f);
        for (var i = 0; i < N; i++)
        {
            var p = (2 * Math.PI * f * i * Dt) + phase;
            y[i] = 80.0 * Math.Sin(p);
            expectedSamples[i] = Math.Abs(80.0 * w * Math.Sin(p));
        }

        Array.Sort(expectedSamples);
        var expected = expectedSamples[N - 30];
        var r = new JmaSeismicIntensity().Compute(new double[N], y, new double[N]);
        Assert.Equal(expected, r.AccelerationGal, 8);
    }

    [Fact]
    public void Compute_GravityOffsetOnOneAxis_DoesNotChangeTheResult()
    {
        var x = new double[N];
        var z = new double[N];
        var zg = new double[N];
        for (var i = 0; i < N; i++)
        {
            x[i] = 40.0 * Math.Sin(2 * Math.PI * CaseHz * i * Dt);
            z[i] = 25.0 * Math.Cos(2 * Math.PI * 3 * CaseHz * i * Dt);
            zg[i] = z[i] + 980.665;
        }

        var calc = new JmaSeismicIntensity();
        var plain = calc.Compute(x, new double[N], z);
        var withGravity = calc.Compute(x, new double[N], zg);
        Assert.Equal(plain.AccelerationGal, withGravity.AccelerationGal, 9);
    }

    // A 60 s window at 100 Hz (6000 samples, padded to 8192): a 2 Hz sine of 50 whole periods keeps A·W(f) within 0.5 %.
    [Fact]
    public void Compute_SixtySecondWindow_PaddedSineCloseToAnalytic()
    {
        const int n = 6000;
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = 150.0 * Math.Sin(2 * Math.PI * 2.0 * i * Dt);
        }

        var r = new JmaSeismicIntensity().Compute(x, new double[n], new double[n]);
        var expected = 150.0 * IndependentGain(2.0);
        Assert.InRange(r.AccelerationGal, expected * 0.995, expected * 1.005);
    }

    [Fact]
    public void Compute_QuietWindow_IsClassZero()
    {
        var x = new double[N];
        var rng = new Random(7);
        for (var i = 0; i < N; i++)
        {
            x[i] = (rng.NextDouble() - 0.5) * 0.02;
        }

        var r = new JmaSeismicIntensity().Compute(x, x, x);
        Assert.Equal(JmaIntensityClass.Zero, r.Class);
        Assert.True(r.Tenths < 5);
    }

    [Fact]
    public void Compute_AllZero_IsClassZeroNotAnError()
    {
        var r = new JmaSeismicIntensity().Compute(new double[100], new double[100], new double[100]);
        Assert.Equal(0.0, r.AccelerationGal);
        Assert.Equal(JmaIntensityClass.Zero, r.Class);
    }

    [Fact]
    public void Compute_BadWindows_Throw()
    {
        var calc = new JmaSeismicIntensity();
        Assert.Throws<ArgumentException>(() => calc.Compute(new double[100], new double[99], new double[100]));
        Assert.Throws<ArgumentException>(() => calc.Compute(new double[29], new double[29], new double[29]));
        Assert.Throws<ArgumentException>(() => calc.Compute(new double[100], new double[100], new double[100], 0));
    }

    [Fact]
    public void CriterionSamples_IsPointThreeSeconds()
    {
        Assert.Equal(30, JmaSeismicIntensity.CriterionSamples(100));
        Assert.Equal(60, JmaSeismicIntensity.CriterionSamples(200));
        Assert.Equal(38, JmaSeismicIntensity.CriterionSamples(125));
    }

    [Theory]
    [InlineData(4.94, 49)]
    [InlineData(4.495, 45)]
    [InlineData(4.4949, 44)]
    [InlineData(4.999, 50)]
    [InlineData(5.549, 55)]
    [InlineData(0.449, 4)]
    [InlineData(-0.26, -2)]
    public void RoundTenths_RoundsThenTruncates(double raw, int tenths) =>
        Assert.Equal(tenths, JmaSeismicIntensity.RoundTenths(raw));

    [Theory]
    [InlineData(4, JmaIntensityClass.Zero, "0")]
    [InlineData(5, JmaIntensityClass.One, "1")]
    [InlineData(34, JmaIntensityClass.Three, "3")]
    [InlineData(35, JmaIntensityClass.Four, "4")]
    [InlineData(44, JmaIntensityClass.Four, "4")]
    [InlineData(45, JmaIntensityClass.FiveLower, "5-")]
    [InlineData(49, JmaIntensityClass.FiveLower, "5-")]
    [InlineData(50, JmaIntensityClass.FiveUpper, "5+")]
    [InlineData(55, JmaIntensityClass.SixLower, "6-")]
    [InlineData(60, JmaIntensityClass.SixUpper, "6+")]
    [InlineData(64, JmaIntensityClass.SixUpper, "6+")]
    [InlineData(65, JmaIntensityClass.Seven, "7")]
    [InlineData(-10, JmaIntensityClass.Zero, "0")]
    public void Classes_Boundaries(int tenths, JmaIntensityClass expected, string code)
    {
        Assert.Equal(expected, JmaIntensityClasses.FromTenths(tenths));
        Assert.Equal(code, JmaIntensityClasses.Code(expected));
    }
}
