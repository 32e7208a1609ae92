namespace Edge.Gateway.Sensors.Seismic;

/// <summary>
/// The filter of the JMA instrumental seismic intensity (気象庁 計測震度の算出方法), applied to the Fourier
/// spectrum of each axis: period effect √(1/f), high cut with y = f/10 Hz
/// 1/√(1 + 0.694y² + 0.241y⁴ + 0.0557y⁶ + 0.009664y⁸ + 0.00134y¹⁰ + 0.000155y¹²), and low cut √(1 − exp(−(f/0.5)³)).
/// Real and even in f: it changes amplitudes, never phases.
/// </summary>
public static class JmaFilter
{
    /// <summary>Corner of the high cut (Hz).</summary>
    public const double HighCutHz = 10.0;

    /// <summary>Corner of the low cut (Hz).</summary>
    public const double LowCutHz = 0.5;

    /// <summary>Period effect filter √(1/f); 0 at f ≤ 0.</summary>
    public static double PeriodEffect(double f) => f > 0 ? Math.Sqrt(1.0 / f) : 0.0;

    /// <summary>High cut filter at <paramref name="f"/> Hz.</summary>
    public static double HighCut(double f)
    {
        var y = f / HighCutHz;
        var y2 = y * y;
        // Horner form of 1 + 0.694y² + 0.241y⁴ + 0.0557y⁶ + 0.009664y⁸ + 0.00134y¹⁰ + 0.000155y¹².
        var p = 1.0 + (y2 * (0.694 + (y2 * (0.241 + (y2 * (0.0557 + (y2 * (0.009664 + (y2 * (0.00134 + (y2 * 0.000155)))))))))));
        return 1.0 / Math.Sqrt(p);
    }

    /// <summary>Low cut filter at <paramref name="f"/> Hz; 0 at f ≤ 0.</summary>
    public static double LowCut(double f)
    {
        if (f <= 0)
        {
            return 0.0;
        }

        var r = f / LowCutHz;
        return Math.Sqrt(1.0 - Math.Exp(-(r * r * r)));
    }

    /// <summary>The whole filter W(f) = period effect × high cut × low cut; W(0) = 0.</summary>
    public static double Gain(double f)
    {
        f = Math.Abs(f);
        return f > 0 ? PeriodEffect(f) * HighCut(f) * LowCut(f) : 0.0;
    }
}
