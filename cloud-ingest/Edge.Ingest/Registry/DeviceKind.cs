namespace Edge.Ingest.Registry;

/// <summary>What a registered device is. Names on the wire are in <see cref="DeviceKindNames"/>.</summary>
public enum DeviceKind
{
    /// <summary>A household or district water meter with a volume register.</summary>
    WaterMeter,

    /// <summary>Air or water temperature sensor.</summary>
    Temperature,

    /// <summary>Relative humidity sensor.</summary>
    Humidity,

    /// <summary>Atmospheric or line pressure sensor.</summary>
    Pressure,

    /// <summary>CO2 sensor.</summary>
    Co2,

    /// <summary>PM2.5 particulate sensor.</summary>
    Pm25,

    /// <summary>PM10 particulate sensor.</summary>
    Pm10,

    /// <summary>River, reservoir or tank water level sensor.</summary>
    WaterLevel,

    /// <summary>Rain gauge (depth and/or intensity).</summary>
    Rain,

    /// <summary>Seismometer or strong-motion accelerometer.</summary>
    Seismic,

    /// <summary>
    /// A smart electricity meter read over the Wi-SUN B-route (ECHONET Lite 0x0288): cumulative energy and power. Read by
    /// gateways that also read water meters; not part of any water rule or area status.
    /// </summary>
    ElectricityMeter,
}
