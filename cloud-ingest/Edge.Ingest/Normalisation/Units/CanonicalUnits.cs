namespace Edge.Ingest.Normalisation.Units;

/// <summary>
/// The canonical unit of every <see cref="Quantity"/>. Codes are UN/CEFACT Recommendation 20 common codes (Annex II/III),
/// checked against the code list: MTQ cubic metre, MQH cubic metre per hour, CEL degree Celsius, P1 percent,
/// A97 hectopascal, MMT millimetre, H67 millimetre per hour, MTR metre, GQ microgram per cubic metre,
/// 59 part per million, A76 gal, KWH kilowatt hour, WTT watt.
/// </summary>
public static class CanonicalUnits
{
    /// <summary>Cubic metre (Rec 20 MTQ).</summary>
    public static CanonicalUnit CubicMetre { get; } = new("m3", "MTQ", "m³");

    /// <summary>Cubic metre per hour (Rec 20 MQH).</summary>
    public static CanonicalUnit CubicMetrePerHour { get; } = new("m3/h", "MQH", "m³/h");

    /// <summary>Degree Celsius (Rec 20 CEL; SenML <c>Cel</c>).</summary>
    public static CanonicalUnit DegreeCelsius { get; } = new("Cel", "CEL", "°C");

    /// <summary>Percent relative humidity (Rec 20 P1 percent; SenML <c>%RH</c>).</summary>
    public static CanonicalUnit PercentRelativeHumidity { get; } = new("%RH", "P1", "%RH");

    /// <summary>Hectopascal (Rec 20 A97).</summary>
    public static CanonicalUnit Hectopascal { get; } = new("hPa", "A97", "hPa");

    /// <summary>Millimetre (Rec 20 MMT), for rainfall depth.</summary>
    public static CanonicalUnit Millimetre { get; } = new("mm", "MMT", "mm");

    /// <summary>Millimetre per hour (Rec 20 H67), for rainfall intensity.</summary>
    public static CanonicalUnit MillimetrePerHour { get; } = new("mm/h", "H67", "mm/h");

    /// <summary>Metre (Rec 20 MTR), for water level.</summary>
    public static CanonicalUnit Metre { get; } = new("m", "MTR", "m");

    /// <summary>Microgram per cubic metre (Rec 20 GQ).</summary>
    public static CanonicalUnit MicrogramPerCubicMetre { get; } = new("ug/m3", "GQ", "µg/m³");

    /// <summary>Part per million (Rec 20 code 59).</summary>
    public static CanonicalUnit PartPerMillion { get; } = new("ppm", "59", "ppm");

    /// <summary>Gal, 0.01 m/s² (Rec 20 A76), the unit of the JMA seismic acceleration reports.</summary>
    public static CanonicalUnit Gal { get; } = new("gal", "A76", "Gal");

    /// <summary>Kilowatt hour (Rec 20 KWH; SenML secondary unit <c>kWh</c>, RFC 8798), as electricity meters count.</summary>
    public static CanonicalUnit KilowattHour { get; } = new("kWh", "KWH", "kWh");

    /// <summary>Watt (Rec 20 WTT).</summary>
    public static CanonicalUnit Watt { get; } = new("W", "WTT", "W");

    /// <summary>The canonical unit of <paramref name="quantity"/>.</summary>
    public static CanonicalUnit For(Quantity quantity) => quantity switch
    {
        Quantity.Volume => CubicMetre,
        Quantity.VolumeFlow => CubicMetrePerHour,
        Quantity.Temperature => DegreeCelsius,
        Quantity.RelativeHumidity => PercentRelativeHumidity,
        Quantity.Pressure => Hectopascal,
        Quantity.Precipitation => Millimetre,
        Quantity.PrecipitationRate => MillimetrePerHour,
        Quantity.WaterLevel => Metre,
        Quantity.MassConcentration => MicrogramPerCubicMetre,
        Quantity.MoleFraction => PartPerMillion,
        Quantity.Acceleration => Gal,
        Quantity.Energy => KilowattHour,
        Quantity.Power => Watt,
        _ => throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "Unknown quantity."),
    };
}
