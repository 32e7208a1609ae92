namespace Edge.HwSim.Sensors.Uart;

/// <summary>
/// A DFRobot A02YYUW looking down at a water surface, UART auto output: a frame FF hi lo sum every
/// <see cref="IntervalMs"/>. Physical inputs: the mount height and the water level (mm above the same
/// datum), waves (a sine of given amplitude and period), splashes (with a probability per frame, an echo
/// from a drop or debris between the sensor and the surface). Outside the sensor's 30 … 4,500 mm the model
/// reports 0 (no valid echo), which the driver refuses as out of range.
/// </summary>
public sealed class A02yyuwModel : UartSensorModel
{
    private long _next;

    /// <summary>Creates the sensor with the given seed (splashes, faults).</summary>
    public A02yyuwModel(int seed = 1)
        : base(seed)
    {
        _next = IntervalMs;
    }

    /// <summary>Frame interval (about 100 ms for the UART auto output).</summary>
    public int IntervalMs { get; set; } = 100;

    /// <summary>Height of the sensor face above the datum (mm).</summary>
    public int MountHeightMm { get; set; } = 3000;

    /// <summary>Still water level above the datum (mm).</summary>
    public double WaterLevelMm { get; set; } = 1000;

    /// <summary>Wave amplitude (mm).</summary>
    public double WaveAmplitudeMm { get; set; }

    /// <summary>Wave period (ms).</summary>
    public double WavePeriodMs { get; set; } = 2000;

    /// <summary>Probability that a frame measures a splash instead of the surface.</summary>
    public double SplashProbability { get; set; }

    /// <summary>Splash frames sent (ground truth).</summary>
    public long Splashes { get; private set; }

    /// <summary>The distance the sensor measures now without splashes (mm, rounded).</summary>
    public int SurfaceDistanceMm()
    {
        var surface = WaterLevelMm + (WaveAmplitudeMm * Math.Sin(2 * Math.PI * NowMs / WavePeriodMs));
        return (int)Math.Round(MountHeightMm - surface);
    }

    /// <summary>The frame for a distance (mm).</summary>
    public static byte[] Frame(int distanceMm)
    {
        var hi = (byte)(distanceMm >> 8);
        var lo = (byte)distanceMm;
        return [0xFF, hi, lo, (byte)(0xFF + hi + lo)];
    }

    /// <inheritdoc />
    protected override long NextTransmissionMs() => _next;

    /// <inheritdoc />
    protected override void Transmit()
    {
        var d = SurfaceDistanceMm();
        if (SplashProbability > 0 && Rng.NextDouble() < SplashProbability)
        {
            Splashes++;
            d = 40 + Rng.Next(Math.Max(1, d - 40));
        }

        Send(Frame(d < 30 || d > 4500 ? 0 : d));
        _next = NowMs + IntervalMs;
    }

    /// <inheritdoc />
    protected override void OnReceive(ReadOnlySpan<byte> bytes)
    {
        // Auto output: the RX pin only selects the mode on the real sensor; bytes are ignored.
    }
}
