namespace Edge.Firmware.App;

/// <summary>
/// The channels of a sensor node, numbered as stored in the reading ring, with the names and SenML units the
/// gateway expects (firmware/FRAME.md, "Sensor node channels"). Values are kept in thousandths of the unit.
/// </summary>
public static class SensorNodeChannels
{
    /// <summary>Air temperature, Cel.</summary>
    public const int Temperature = 0;

    /// <summary>Relative humidity, %RH.</summary>
    public const int Humidity = 1;

    /// <summary>Air pressure, Pa.</summary>
    public const int Pressure = 2;

    /// <summary>CO2, ppm.</summary>
    public const int Co2 = 3;

    /// <summary>PM2.5 (atmospheric), ug/m3.</summary>
    public const int Pm25 = 4;

    /// <summary>PM10 (atmospheric), ug/m3.</summary>
    public const int Pm10 = 5;

    /// <summary>Water level above the gauge datum, m.</summary>
    public const int WaterLevel = 6;

    /// <summary>Rain in the last 10-minute block, mm.</summary>
    public const int Rain10Min = 7;

    /// <summary>Rain in the last hour (JMA 前1時間降水量), mm.</summary>
    public const int Rain1Hour = 8;

    /// <summary>SenML names by channel number.</summary>
    public static readonly string[] Names = { "temperature", "humidity", "pressure", "co2", "pm2.5", "pm10", "water-level", "rain-10m", "rain-1h" };

    /// <summary>SenML units by channel number (RFC 8428 §12.1; ug/m3 and ppm from RFC 8798).</summary>
    public static readonly string[] Units = { "Cel", "%RH", "Pa", "ppm", "ug/m3", "ug/m3", "m", "mm", "mm" };
}
