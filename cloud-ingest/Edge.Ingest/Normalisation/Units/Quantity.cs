namespace Edge.Ingest.Normalisation.Units;

/// <summary>
/// What a channel measures. The quantity, not the unit alone, picks the canonical unit: a length in <c>mm</c> is
/// kept in millimetres for rain but becomes metres for a water level.
/// </summary>
public enum Quantity
{
    /// <summary>Water volume (meter register); canonical m³.</summary>
    Volume,

    /// <summary>Volume flow rate; canonical m³/h.</summary>
    VolumeFlow,

    /// <summary>Air or water temperature; canonical °C.</summary>
    Temperature,

    /// <summary>Relative humidity; canonical %RH.</summary>
    RelativeHumidity,

    /// <summary>Atmospheric or line pressure; canonical hPa.</summary>
    Pressure,

    /// <summary>Rainfall depth (accumulated); canonical mm.</summary>
    Precipitation,

    /// <summary>Rainfall intensity; canonical mm/h.</summary>
    PrecipitationRate,

    /// <summary>River or tank water level; canonical m.</summary>
    WaterLevel,

    /// <summary>Particulate matter (PM2.5, PM10) mass concentration; canonical µg/m³.</summary>
    MassConcentration,

    /// <summary>Gas mole fraction such as CO2; canonical ppm.</summary>
    MoleFraction,

    /// <summary>Ground acceleration (seismic); canonical gal (1 gal = 0.01 m/s²).</summary>
    Acceleration,

    /// <summary>Electrical energy (an electricity meter's register, ECHONET Lite 0x0288 0xE0/0xEA); canonical kWh.</summary>
    Energy,

    /// <summary>Electrical power (instantaneous, ECHONET Lite 0x0288 0xE7); canonical W.</summary>
    Power,
}
