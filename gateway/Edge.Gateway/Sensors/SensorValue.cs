namespace Edge.Gateway.Sensors;

/// <summary>One measured quantity: value = mantissa × 10^-scale in the SenML unit (RFC 8428 §12.1).</summary>
/// <param name="Channel">Channel name: <c>temperature</c>, <c>pressure</c>, <c>humidity</c>, <c>co2</c>.</param>
/// <param name="Unit">SenML unit: <c>Cel</c>, <c>Pa</c>, <c>%RH</c>, <c>ppm</c>.</param>
/// <param name="Mantissa">Scaled integer value.</param>
/// <param name="Scale">Decimal places.</param>
public sealed record SensorValue(string Channel, string Unit, long Mantissa, int Scale)
{
    /// <summary>Device status flags of the reading (firmware/FRAME.md, "Flags"); 0 for plain sensor values.</summary>
    public int Flags { get; init; }

    /// <summary>Temperature in °C to 0.01 °C.</summary>
    public static SensorValue Temperature(double celsius) => new("temperature", "Cel", (long)Math.Round(celsius * 100, MidpointRounding.AwayFromZero), 2);

    /// <summary>Pressure in Pa to 0.1 Pa.</summary>
    public static SensorValue Pressure(double pascals) => new("pressure", "Pa", (long)Math.Round(pascals * 10, MidpointRounding.AwayFromZero), 1);

    /// <summary>Relative humidity in % to 0.01 %.</summary>
    public static SensorValue Humidity(double percent) => new("humidity", "%RH", (long)Math.Round(percent * 100, MidpointRounding.AwayFromZero), 2);

    /// <summary>CO₂ in ppm.</summary>
    public static SensorValue Co2(double ppm) => new("co2", "ppm", (long)Math.Round(ppm, MidpointRounding.AwayFromZero), 0);

    /// <summary>The value as a double, for logs and tests.</summary>
    public double Value => Mantissa / Math.Pow(10, Scale);
}
