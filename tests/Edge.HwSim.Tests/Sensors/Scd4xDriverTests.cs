using System.Device.I2c;
using Edge.Firmware.Sensors;
using Edge.HwSim.Sensors;

namespace Edge.HwSim.Tests.Sensors;

/// <summary>The portable SCD4x driver against the register model.</summary>
public class Scd4xDriverTests
{
    private readonly SimulationClock _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), running: false);

    [Fact]
    public void ReadMeasurement_CorpusExample_WireBytesAndValues()
    {
        // sensors.md: response 01 F4 33 66 67 A2 5E B9 3C -> 500 ppm, 25.003 °C, 37.002 %RH.
        // Inputs chosen so the codes are 0x01F4, 0x6667, 0x5EB9: T = -45 + 175·0x6667/65535, RH = 100·0x5EB9/65535.
        var model = new SimulatedScd4x(_clock)
        {
            Co2Ppm = 500,
            TemperatureCelsius = -45.0 + (175.0 * 0x6667 / 65535.0),
            HumidityPercent = 100.0 * 0x5EB9 / 65535.0,
        };
        I2cDevice device = model;
        device.Write([0x21, 0xB1]);
        _clock.Advance(TimeSpan.FromSeconds(5));
        device.Write([0xEC, 0x05]);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var response = new byte[9];
        device.Read(response);
        Assert.Equal(Convert.FromHexString("01F43366 67A25EB93C".Replace(" ", "", StringComparison.Ordinal)), response);

        // The driver on the next period sees the same values.
        var driver = new Scd4x(model, new SimulatedDelay(_clock));
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(driver.IsDataReady());
        Assert.True(driver.TryReadMeasurement());
        Assert.Equal(500, driver.Co2Ppm);
        Assert.Equal(25003, driver.TemperatureMilliC);
        Assert.Equal(37002, driver.HumidityMilliPercent);
    }

    [Fact]
    public void Periodic_DataReadyOnlyEveryFiveSecondsAndClearedByRead()
    {
        var model = new SimulatedScd4x(_clock) { Co2Ppm = 812 };
        var driver = new Scd4x(model, new SimulatedDelay(_clock));
        Assert.True(driver.StartPeriodicMeasurement());
        Assert.False(driver.IsDataReady());
        Assert.Equal(SensorError.NotReady, driver.LastError);
        _clock.Advance(TimeSpan.FromMilliseconds(Scd4x.PeriodMs));
        Assert.True(driver.IsDataReady());
        Assert.True(driver.TryReadMeasurement());
        Assert.Equal(812, driver.Co2Ppm);
        Assert.False(driver.IsDataReady());

        // read_measurement without new data is NACKed (§3.5.2).
        Assert.False(driver.TryReadMeasurement());
        Assert.Equal(SensorError.Bus, driver.LastError);
    }

    [Fact]
    public void Settings_WhileMeasuring_AreRefusedUntilStopped()
    {
        var model = new SimulatedScd4x(_clock);
        var driver = new Scd4x(model, new SimulatedDelay(_clock));
        Assert.True(driver.StartPeriodicMeasurement());
        Assert.False(driver.SetTemperatureOffset(2000));
        Assert.Equal(SensorError.NotInitialised, driver.LastError);

        // Ambient pressure may be set during periodic measurement (§3.6.5): 100800 Pa is sent as 1008 hPa.
        Assert.True(driver.SetAmbientPressure(100800));
        Assert.Equal(1008, model.AmbientPressureHpa);

        Assert.True(driver.StopPeriodicMeasurement());
        Assert.True(driver.SetTemperatureOffset(2000));
        Assert.True(driver.ReadTemperatureOffset());
        Assert.InRange(driver.TemperatureOffsetMilliC, 1998, 2002);
        Assert.True(driver.SetSensorAltitude(650));
        Assert.True(driver.ReadSensorAltitude());
        Assert.Equal(650, driver.AltitudeM);
        Assert.True(driver.SetAutomaticSelfCalibration(false));
        Assert.True(driver.ReadAutomaticSelfCalibration());
        Assert.False(driver.AutomaticSelfCalibration);
        Assert.False(driver.SetSensorAltitude(3001));
        Assert.Equal(SensorError.BadArgument, driver.LastError);
        Assert.False(driver.SetAmbientPressure(60000));
    }

    [Fact]
    public void TemperatureOffset_IsSubtractedFromSelfHeatedTemperature()
    {
        // The model runs 4 °C above ambient; an offset of 4 °C (the default) reports ambient, 1 °C reports +3 °C.
        var model = new SimulatedScd4x(_clock) { TemperatureCelsius = 21, SelfHeatingCelsius = 4 };
        var driver = new Scd4x(model, new SimulatedDelay(_clock));
        Assert.True(driver.SetTemperatureOffset(1000));
        Assert.True(driver.StartPeriodicMeasurement());
        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.True(driver.TryReadMeasurement());
        Assert.InRange(driver.TemperatureMilliC, 23990, 24010);
    }

    [Fact]
    public void PersistAndReinit_RestoreStoredSettings()
    {
        var model = new SimulatedScd4x(_clock);
        var driver = new Scd4x(model, new SimulatedDelay(_clock));
        Assert.True(driver.SetSensorAltitude(120));
        Assert.True(driver.PersistSettings());
        Assert.True(driver.SetSensorAltitude(900));
        Assert.True(driver.Reinit());
        Assert.True(driver.ReadSensorAltitude());
        Assert.Equal(120, driver.AltitudeM);
        Assert.Equal(1, model.PersistCount);
        Assert.True(driver.ReadSerialNumber());
        Assert.Equal(model.SerialNumber, driver.SerialNumber);
    }

    [Fact]
    public void ReadMeasurement_BadCrcOrNack_FailWithClearErrors()
    {
        var model = new SimulatedScd4x(_clock);
        var driver = new Scd4x(model, new SimulatedDelay(_clock));
        Assert.True(driver.StartPeriodicMeasurement());
        _clock.Advance(TimeSpan.FromSeconds(5));
        model.CorruptCrcNext = 1;
        Assert.False(driver.TryReadMeasurement());
        Assert.Equal(SensorError.Crc, driver.LastError);
        _clock.Advance(TimeSpan.FromSeconds(5));
        model.NackNext = 1;
        Assert.False(driver.IsDataReady());
        Assert.Equal(SensorError.Bus, driver.LastError);
    }
}
