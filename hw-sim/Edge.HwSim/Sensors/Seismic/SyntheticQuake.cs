namespace Edge.HwSim.Sensors.Seismic;

/// <summary>Settings of <see cref="SyntheticQuake.Generate"/>.</summary>
public sealed class SyntheticQuakeOptions
{
    /// <summary>Length of the record (s).</summary>
    public double DurationSeconds { get; set; } = 60;

    /// <summary>Samples per second.</summary>
    public double SampleRateHz { get; set; } = 100;

    /// <summary>Arrival of the P wave (s from the start).</summary>
    public double POnsetSeconds { get; set; } = 10;

    /// <summary>S minus P time (s): about distance / 8 km/s.</summary>
    public double SMinusPSeconds { get; set; } = 4;

    /// <summary>Largest horizontal acceleration of the S wave (gal); the record is scaled to it exactly.</summary>
    public double PeakGal { get; set; } = 200;

    /// <summary>Ratio of the P wave's vertical peak to the S wave's horizontal peak.</summary>
    public double PRatio { get; set; } = 0.3;

    /// <summary>Centre frequency of the shaking (Hz); the spectrum spans about a third of it to three times it.</summary>
    public double DominantHz { get; set; } = 2.0;

    /// <summary>Rise time of the S envelope to its maximum (s).</summary>
    public double RiseSeconds { get; set; } = 3;

    /// <summary>Decay time constant of the S coda (s).</summary>
    public double DecaySeconds { get; set; } = 8;

    /// <summary>Background noise, standard deviation per axis (gal): traffic, wind, the sensor's own noise.</summary>
    public double NoiseGal { get; set; } = 0.05;

    /// <summary>Seed of the random phases, frequencies and noise.</summary>
    public int Seed { get; set; } = 1;
}

/// <summary>
/// A synthetic earthquake record, 3 axes in gal (X north, Y east, Z up; no gravity): background noise, a
/// mostly vertical P wave, then a stronger mostly horizontal S wave with a t²-rise and exponential coda; the
/// shaking is a sum of random-phase sinusoids with a spectrum peaked at <see cref="SyntheticQuakeOptions.DominantHz"/>.
/// Deterministic for a seed. Not a ground-motion prediction: a test signal with the shape of one.
/// </summary>
/// <param name="X">North-south (gal).</param>
/// <param name="Y">East-west (gal).</param>
/// <param name="Z">Up-down (gal).</param>
/// <param name="SampleRateHz">Samples per second.</param>
/// <param name="POnsetIndex">Sample of the P arrival.</param>
/// <param name="SOnsetIndex">Sample of the S arrival.</param>
public sealed record SyntheticQuake(double[] X, double[] Y, double[] Z, double SampleRateHz, int POnsetIndex, int SOnsetIndex)
{
    private const int Components = 48;

    /// <summary>Number of samples per axis.</summary>
    public int Length => X.Length;

    /// <summary>Generates a record.</summary>
    public static SyntheticQuake Generate(SyntheticQuakeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var rate = options.SampleRateHz;
        var n = (int)Math.Round(options.DurationSeconds * rate);
        var rng = new Random(options.Seed);
        var x = new double[n];
        var y = new double[n];
        var z = new double[n];
        var pStart = options.POnsetSeconds;
        var sStart = options.POnsetSeconds + options.SMinusPSeconds;

        // Three independent band-limited signals per wave (one per axis).
        var s = new Band[3];
        var p = new Band[3];
        for (var axis = 0; axis < 3; axis++)
        {
            s[axis] = Band.Random(rng, options.DominantHz);
            p[axis] = Band.Random(rng, options.DominantHz * 2.5);
        }

        double Envelope(double t, double rise, double decay)
        {
            if (t <= 0)
            {
                return 0;
            }

            // (t/rise)² rising to 1 at t = rise, then e^-(t-rise)/decay.
            return t < rise ? t / rise * (t / rise) : Math.Exp(-(t - rise) / decay);
        }

        var horizontalPeak = 0.0;
        var sx = new double[n];
        var sy = new double[n];
        var sz = new double[n];
        var pz = new double[n];
        var px = new double[n];
        var py = new double[n];
        for (var i = 0; i < n; i++)
        {
            var t = i / rate;
            var es = Envelope(t - sStart, options.RiseSeconds, options.DecaySeconds);
            var ep = Envelope(t - pStart, 0.5, 2.0);
            sx[i] = es * s[0].At(t);
            sy[i] = es * s[1].At(t);
            sz[i] = 0.4 * es * s[2].At(t);
            pz[i] = ep * p[2].At(t);
            px[i] = 0.3 * ep * p[0].At(t);
            py[i] = 0.3 * ep * p[1].At(t);
            horizontalPeak = Math.Max(horizontalPeak, Math.Max(Math.Abs(sx[i]), Math.Abs(sy[i])));
        }

        var pPeak = 0.0;
        for (var i = 0; i < n; i++)
        {
            pPeak = Math.Max(pPeak, Math.Abs(pz[i]));
        }

        var sScale = horizontalPeak > 0 ? options.PeakGal / horizontalPeak : 0;
        var pScale = pPeak > 0 ? options.PeakGal * options.PRatio / pPeak : 0;
        for (var i = 0; i < n; i++)
        {
            x[i] = (sScale * sx[i]) + (pScale * px[i]) + Gaussian(rng, options.NoiseGal);
            y[i] = (sScale * sy[i]) + (pScale * py[i]) + Gaussian(rng, options.NoiseGal);
            z[i] = (sScale * sz[i]) + (pScale * pz[i]) + Gaussian(rng, options.NoiseGal);
        }

        return new SyntheticQuake(x, y, z, rate, (int)Math.Round(pStart * rate), (int)Math.Round(sStart * rate));
    }

    /// <summary>The record at time <paramref name="seconds"/> from its start, linearly interpolated; 0 outside it.</summary>
    public (double X, double Y, double Z) At(double seconds)
    {
        var pos = seconds * SampleRateHz;
        if (pos < 0 || pos > Length - 1)
        {
            return (0, 0, 0);
        }

        var i = (int)Math.Floor(pos);
        if (i >= Length - 1)
        {
            return (X[Length - 1], Y[Length - 1], Z[Length - 1]);
        }

        var f = pos - i;
        return (X[i] + ((X[i + 1] - X[i]) * f), Y[i] + ((Y[i + 1] - Y[i]) * f), Z[i] + ((Z[i + 1] - Z[i]) * f));
    }

    private static double Gaussian(Random rng, double sigma)
    {
        if (sigma <= 0)
        {
            return 0;
        }

        var u1 = 1.0 - rng.NextDouble();
        var u2 = rng.NextDouble();
        return sigma * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    // A sum of sinusoids, frequencies log-spread over [f/3, 3f], amplitudes peaked at f.
    private sealed class Band
    {
        private readonly double[] _freq = new double[Components];
        private readonly double[] _amp = new double[Components];
        private readonly double[] _phase = new double[Components];

        public static Band Random(Random rng, double centreHz)
        {
            var b = new Band();
            for (var k = 0; k < Components; k++)
            {
                var octave = (rng.NextDouble() * 2) - 1; // log3 of f / centre in [-1, 1]
                b._freq[k] = centreHz * Math.Pow(3, octave);
                b._amp[k] = Math.Exp(-2 * octave * octave) * (0.5 + rng.NextDouble());
                b._phase[k] = rng.NextDouble() * 2 * Math.PI;
            }

            return b;
        }

        public double At(double t)
        {
            var sum = 0.0;
            for (var k = 0; k < Components; k++)
            {
                sum += _amp[k] * Math.Sin((2 * Math.PI * _freq[k] * t) + _phase[k]);
            }

            return sum;
        }
    }
}
