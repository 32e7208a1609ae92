using Edge.Firmware.Hardware;
using Edge.Firmware.Sensors;
using Edge.Firmware.Sensors.Rain;
using Edge.Firmware.Sensors.Seismic;
using Edge.Firmware.Sensors.Uart;

namespace Edge.Firmware.App;

/// <summary>
/// The sensors a node has: any of the drivers, each created by the board setup over its bus (null = not fitted).
/// The app starts and samples what is there.
/// </summary>
public sealed class SensorNodeHardware
{
    /// <summary>BME280 (temperature, pressure, humidity) or BMP280 (no humidity).</summary>
    public Bmx280? Bmx280 { get; set; }

    /// <summary>SHT4x (temperature, humidity).</summary>
    public Sht4x? Sht4x { get; set; }

    /// <summary>SHT3x (temperature, humidity); used when no SHT4x is fitted.</summary>
    public Sht3x? Sht3x { get; set; }

    /// <summary>SCD4x (CO2).</summary>
    public Scd4x? Scd4x { get; set; }

    /// <summary>PMS5003 (PM2.5, PM10), used in passive mode.</summary>
    public Pms5003? Pms5003 { get; set; }

    /// <summary>A02YYUW distance sensor with its water level filter (mount height, median window).</summary>
    public A02yyuw? WaterLevel { get; set; }

    /// <summary>Tipping-bucket rain gauge; needs <see cref="RainInput"/>.</summary>
    public RainGauge? Rain { get; set; }

    /// <summary>The rain gauge's reed input.</summary>
    public IPulseInput? RainInput { get; set; }

    /// <summary>ADXL355 driver of <see cref="Seismic"/> (its range gives the window's LSB per g).</summary>
    public Adxl355? Accelerometer { get; set; }

    /// <summary>The 100 Hz stream over <see cref="Accelerometer"/>, feeding <see cref="Trigger"/>.</summary>
    public SeismicSampler? Seismic { get; set; }

    /// <summary>The trigger whose captured windows the node sends.</summary>
    public SeismicTrigger? Trigger { get; set; }

    /// <summary>Waits for sensor conversions (BME280 forced mode, SCD4x commands).</summary>
    public IDelay? Delay { get; set; }
}
