namespace Edge.Gateway.Sensors.Seismic;

/// <summary>
/// One instrumental seismic intensity (計測震度). Always a reference value (参考値): a sensor node is not an
/// approved seismometer (気象庁 検定 / 震度計), so its figure must never be shown as an official intensity.
/// </summary>
/// <param name="AccelerationGal">a: the filtered vector acceleration exceeded for a total of 0.3 s (gal).</param>
/// <param name="RawIntensity">2·log10(a) + 0.94 before rounding.</param>
/// <param name="Tenths">The intensity as JMA reports it, in tenths: rounded half away from zero to 2 decimals, then truncated to 1 decimal.</param>
/// <param name="Samples">Samples of the window.</param>
/// <param name="SampleRateHz">Sample rate of the window.</param>
public sealed record JmaIntensityResult(double AccelerationGal, double RawIntensity, int Tenths, int Samples, double SampleRateHz)
{
    /// <summary>The label every presentation of the value carries.</summary>
    public const string ReferenceLabel = "参考値";

    /// <summary>Always true: the value is a reference value (参考値).</summary>
    public bool IsReferenceValue => true;

    /// <summary>The rounded intensity, e.g. 4.9.</summary>
    public double Intensity => Tenths / 10.0;

    /// <summary>The intensity class (震度階級).</summary>
    public JmaIntensityClass Class => JmaIntensityClasses.FromTenths(Tenths);

    /// <summary>e.g. <c>計測震度 4.9 (震度5弱) 参考値</c>.</summary>
    public override string ToString() =>
        "計測震度 " + FormatTenths(Tenths) + " (" + JmaIntensityClasses.Name(Class) + ") " + ReferenceLabel;

    /// <summary>Tenths as a decimal text without culture: 49 → 4.9, -3 → -0.3.</summary>
    public static string FormatTenths(int tenths)
    {
        var sign = tenths < 0 ? "-" : "";
        var abs = Math.Abs(tenths);
        return sign + (abs / 10).ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + (abs % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
