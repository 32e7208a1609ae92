using Edge.Gateway.Sensors;
using Edge.HwSim.Sensors;

namespace Edge.Gateway.Tests.Sensors;

/// <summary>The Iot.Device.Bindings drivers, through the gateway's reader, against the hw-sim register models.</summary>
public class I2cSensorReaderTests
{
    private readonly SimulationClock _clock = new(DateTimeOffset.UnixEpoch, running: true);

    [Fact]
    public void Read_Bme280Binding_ReturnsModelInputsWithUnits()
    {
        var model = new SimulatedBmx280(_clock, withHumidity: true, address: 0x76)
        {
            TemperatureCelsius = 18.25, PressurePascals = 99870, HumidityPercent = 64.0,
        };
        using var reader = new I2cSensorReader(SensorKinds.Bme280, model);
        var values = reader.Read().ToDictionary(v => v.Channel);

        Assert.Equal("Cel", values["temperature"].Unit);
        Assert.Equal("Pa", values["pressure"].Unit);
        Assert.Equal("%RH", values["humidity"].Unit);
        Assert.InRange(values["temperature"].Value, 18.25 - 0.02, 18.25 + 0.02);
        Assert.InRange(values["pressure"].Value, 99870 - 2, 99870 + 2);
        Assert.InRange(values["humidity"].Value, 64.0 - 0.1, 64.0 + 0.1);
        Assert.True(model.Measurements >= 1);
    }

    [Fact]
    public void Read_Bmp280Binding_DatasheetRawExample_GivesDatasheetValues()
    {
        // sensors.md double path for adc_T 519888, adc_P 415148: 25.082478 °C, 100653.27 Pa.
        var model = new SimulatedBmx280(_clock, withHumidity: false) { RawOverride = (519888, 415148, 0x8000) };
        using var reader = new I2cSensorReader(SensorKinds.Bmp280, model);
        var values = reader.Read().ToDictionary(v => v.Channel);
        Assert.Equal(25.08, values["temperature"].Value, 2);
        Assert.InRange(values["pressure"].Value, 100653.27 - 0.3, 100653.27 + 0.3);
        Assert.False(values.ContainsKey("humidity"));
    }

    [Fact]
    public void Open_Bme280WithWrongChipId_ThrowsIOException()
    {
        var model = new SimulatedBmx280(_clock) { ChipIdOverride = 0x58 };
        Assert.Throws<IOException>(() => new I2cSensorReader(SensorKinds.Bme280, model));
    }

    [Fact]
    public void Read_Sht3xBinding_ReturnsModelInputsRoundedToBindingResolution()
    {
        var model = new SimulatedSht3x(_clock) { TemperatureCelsius = 23.46, HumidityPercent = 41.2 };
        using var reader = new I2cSensorReader(SensorKinds.Sht3x, model);
        var values = reader.Read().ToDictionary(v => v.Channel);

        // The binding rounds to 0.1 (its Math.Round(..., 1)).
        Assert.InRange(values["temperature"].Value, 23.4, 23.5);
        Assert.InRange(values["humidity"].Value, 41.1, 41.3);
    }

    [Fact]
    public void Read_Sht4xBinding_BadCrc_ThrowsSensorReadException()
    {
        var model = new SimulatedSht4x(_clock) { TemperatureCelsius = 5.5, HumidityPercent = 80 };
        using var reader = new I2cSensorReader(SensorKinds.Sht4x, model);
        var values = reader.Read().ToDictionary(v => v.Channel);
        Assert.InRange(values["temperature"].Value, 5.49, 5.51);
        Assert.InRange(values["humidity"].Value, 79.99, 80.01);

        model.CorruptCrcNext = 1;
        Assert.Throws<SensorReadException>(() => reader.Read());
    }

    [Fact]
    public void Read_Sensor_Nack_SurfacesAsIOException()
    {
        var model = new SimulatedSht4x(_clock);
        using var reader = new I2cSensorReader(SensorKinds.Sht4x, model);
        model.NackAll = true;
        Assert.Throws<IOException>(() => reader.Read());
    }

    [Fact]
    public void Read_Scd4xBinding_CorpusExample_GivesCo2TemperatureHumidity()
    {
        // sensors.md: codes 0x01F4, 0x6667, 0x5EB9 -> 500 ppm, 25.003 °C, 37.002 %RH.
        var model = new SimulatedScd4x(_clock)
        {
            Co2Ppm = 500,
            TemperatureCelsius = -45.0 + (175.0 * 0x6667 / 65535.0),
            HumidityPercent = 100.0 * 0x5EB9 / 65535.0,
        };
        using var reader = new I2cSensorReader(SensorKinds.Scd4x, model);
        var values = reader.Read().ToDictionary(v => v.Channel);
        Assert.Equal(new SensorValue("co2", "ppm", 500, 0), values["co2"]);
        Assert.Equal(25.00, values["temperature"].Value, 2);
        Assert.Equal(37.00, values["humidity"].Value, 2);
        Assert.True(model.Periodic);
    }
}
