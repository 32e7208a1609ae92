namespace Edge.Ingest.Normalisation.Units;

/// <summary>The input units accepted per quantity and how each becomes the canonical unit.</summary>
public sealed class QuantityUnitCatalog
{
    private readonly Dictionary<(Quantity, string), QuantityConversion> _conversions;

    /// <summary>Creates a catalog; a (quantity, unit) pair may appear once.</summary>
    public QuantityUnitCatalog(IEnumerable<QuantityConversion> conversions)
    {
        ArgumentNullException.ThrowIfNull(conversions);
        _conversions = [];
        foreach (var conversion in conversions)
        {
            if (!_conversions.TryAdd((conversion.Quantity, conversion.InputUnit), conversion))
            {
                throw new ArgumentException(
                    $"The unit '{conversion.InputUnit}' is listed twice for {conversion.Quantity}.", nameof(conversions));
            }
        }
    }

    /// <summary>
    /// Edge's accepted units. SenML symbols first (RFC 8428 §12.1 and the RFC 8798 secondary units), then the
    /// extensions third-party devices use. Factors are exact by definition of the units: 1 l = 1 dm³ = 10⁻³ m³;
    /// 1 h = 3600 s; 0 °C = 273.15 K; °C = (°F − 32) × 5/9; 1 bar = 10⁵ Pa; 1 Gal = 10⁻² m/s²; 1 kWh = 3.6 × 10⁶ J (SI Brochure 9th ed.
    /// tables 8 and 9; CGPM 1948 for the kelvin offset).
    /// </summary>
    public static QuantityUnitCatalog Default { get; } = new(
    [
        new(Quantity.Volume, "m3", UnitSource.Rfc8428, 1m),
        new(Quantity.Volume, "l", UnitSource.Rfc8428, 0.001m),
        new(Quantity.Volume, "dm3", UnitSource.EdgeExtension, 0.001m),
        new(Quantity.VolumeFlow, "m3/s", UnitSource.Rfc8428, 3600m),
        new(Quantity.VolumeFlow, "l/s", UnitSource.Rfc8428, 3.6m),
        new(Quantity.VolumeFlow, "m3/h", UnitSource.EdgeExtension, 1m),
        new(Quantity.VolumeFlow, "l/min", UnitSource.EdgeExtension, 0.06m),
        new(Quantity.VolumeFlow, "l/h", UnitSource.EdgeExtension, 0.001m),
        new(Quantity.Temperature, "Cel", UnitSource.Rfc8428, 1m),
        new(Quantity.Temperature, "K", UnitSource.Rfc8428, 1m, Offset: -273.15m),
        new(Quantity.Temperature, "degF", UnitSource.EdgeExtension, 5m, Offset: -32m, Divisor: 9m),
        new(Quantity.RelativeHumidity, "%RH", UnitSource.Rfc8428, 1m),
        new(Quantity.Pressure, "Pa", UnitSource.Rfc8428, 0.01m),
        new(Quantity.Pressure, "hPa", UnitSource.Rfc8798, 1m),
        new(Quantity.Pressure, "kPa", UnitSource.EdgeExtension, 10m),
        new(Quantity.Pressure, "bar", UnitSource.EdgeExtension, 1000m),
        new(Quantity.Precipitation, "mm", UnitSource.Rfc8798, 1m),
        new(Quantity.Precipitation, "cm", UnitSource.Rfc8798, 10m),
        new(Quantity.Precipitation, "m", UnitSource.Rfc8428, 1000m),
        new(Quantity.PrecipitationRate, "mm/h", UnitSource.Rfc8798, 1m),
        new(Quantity.PrecipitationRate, "m/h", UnitSource.Rfc8798, 1000m),
        new(Quantity.PrecipitationRate, "m/s", UnitSource.Rfc8428, 3_600_000m),
        new(Quantity.WaterLevel, "m", UnitSource.Rfc8428, 1m),
        new(Quantity.WaterLevel, "cm", UnitSource.Rfc8798, 0.01m),
        new(Quantity.WaterLevel, "mm", UnitSource.Rfc8798, 0.001m),
        new(Quantity.MassConcentration, "ug/m3", UnitSource.Rfc8798, 1m),
        new(Quantity.MassConcentration, "mg/m3", UnitSource.EdgeExtension, 1000m),
        new(Quantity.MoleFraction, "ppm", UnitSource.Rfc8798, 1m),
        new(Quantity.Acceleration, "m/s2", UnitSource.Rfc8428, 100m),
        new(Quantity.Acceleration, "gal", UnitSource.EdgeExtension, 1m),
        new(Quantity.Energy, "J", UnitSource.Rfc8428, 1m, Divisor: 3_600_000m),
        new(Quantity.Energy, "Wh", UnitSource.Rfc8798, 0.001m),
        new(Quantity.Energy, "kWh", UnitSource.Rfc8798, 1m),
        new(Quantity.Power, "W", UnitSource.Rfc8428, 1m),
        new(Quantity.Power, "kW", UnitSource.Rfc8798, 1000m),
    ]);

    /// <summary>Finds how <paramref name="inputUnit"/> converts for <paramref name="quantity"/> (ordinal, case-sensitive).</summary>
    public bool TryGet(Quantity quantity, string inputUnit, out QuantityConversion conversion) =>
        _conversions.TryGetValue((quantity, inputUnit), out conversion!);

    /// <summary>
    /// Finds the conversion of <paramref name="inputUnit"/> when only one quantity accepts it (<c>l</c>, <c>Cel</c>,
    /// <c>hPa</c>); for a device that is not registered, the unit is all there is to go by. False for an unknown unit
    /// and for one several quantities accept (<c>m</c>, <c>mm</c>, <c>cm</c>: rain or water level), with those
    /// quantities in <paramref name="quantities"/>.
    /// </summary>
    public bool TryGetByUnit(string inputUnit, out QuantityConversion conversion, out IReadOnlyList<Quantity> quantities)
    {
        var matches = _conversions.Values.Where(c => string.Equals(c.InputUnit, inputUnit, StringComparison.Ordinal)).ToList();
        quantities = [.. matches.Select(c => c.Quantity).Order()];
        conversion = matches.Count == 1 ? matches[0] : null!;
        return matches.Count == 1;
    }

    /// <summary>Every accepted input unit, sorted, for error messages.</summary>
    public IReadOnlyList<string> AllUnits =>
        [.. _conversions.Keys.Select(k => k.Item2).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The input units accepted for <paramref name="quantity"/>, sorted, for error messages.</summary>
    public IReadOnlyList<string> UnitsFor(Quantity quantity) =>
        [.. _conversions.Keys.Where(k => k.Item1 == quantity).Select(k => k.Item2).Order(StringComparer.Ordinal)];
}
