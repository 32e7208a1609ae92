namespace Edge.Gateway.Sensors.Seismic;

/// <summary>A device's complete seismic window; samples in LSB (<see cref="LsbPerG"/> per g).</summary>
internal sealed record SeismicWindow(
    string DeviceId,
    long Seq,
    long StartUnixMs,
    int ClockQuality,
    int SampleRateHz,
    int LsbPerG,
    int TriggerIndex,
    int[] X,
    int[] Y,
    int[] Z)
{
    /// <summary>Standard gravity in gal (CGPM 1901): converts g to cm/s².</summary>
    public const double GravityGal = 980.665;

    /// <summary>Time of the triggering sample, Unix ms.</summary>
    public long TriggerUnixMs => StartUnixMs + (TriggerIndex * 1000L / SampleRateHz);

    /// <summary>An axis in gal.</summary>
    public static double[] ToGal(int[] lsb, int lsbPerG)
    {
        var gal = new double[lsb.Length];
        for (var i = 0; i < lsb.Length; i++)
        {
            gal[i] = lsb[i] * GravityGal / lsbPerG;
        }

        return gal;
    }
}
