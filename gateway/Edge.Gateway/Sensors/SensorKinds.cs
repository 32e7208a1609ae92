namespace Edge.Gateway.Sensors;

/// <summary>The I2C sensor kinds the gateway reads through Iot.Device.Bindings.</summary>
public static class SensorKinds
{
    public const string Bme280 = "bme280";
    public const string Bmp280 = "bmp280";
    public const string Sht3x = "sht3x";
    public const string Sht4x = "sht4x";
    public const string Scd4x = "scd4x";

    /// <summary>All kinds, for validation messages.</summary>
    public static readonly string[] All = [Bme280, Bmp280, Sht3x, Sht4x, Scd4x];

    /// <summary>True for a known kind.</summary>
    public static bool IsKnown(string kind) => All.Contains(kind);

    /// <summary>The usual address of a kind: BME280/BMP280 0x76 (SDO low), SHT3x/SHT4x 0x44, SCD4x 0x62.</summary>
    public static int DefaultAddress(string kind) => kind switch
    {
        Bme280 or Bmp280 => 0x76,
        Sht3x or Sht4x => 0x44,
        Scd4x => 0x62,
        _ => 0,
    };
}
