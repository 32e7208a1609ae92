using Edge.Firmware.Sensors;
using Edge.HwSim.Sensors;

namespace Edge.HwSim.Tests.Sensors;

/// <summary>The portable SHT3x and SHT4x drivers against the register models.</summary>
public class SensirionDriverTests
{
    private readonly SimulationClock _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), running: false);

    [Theory]
    [InlineData(25.0, 37.0016)]
    [InlineData(-20.5, 5.0)]
    [InlineData(41.3, 97.5)]
    public void Sht3xMeasure_PhysicalInputs_MatchDatasheetFormula(double celsius, double percent)
    {
        var model = new SimulatedSht3x(_clock) { TemperatureCelsius = celsius, HumidityPercent = percent };
        var driver = new Sht3x(model, new SimulatedDelay(_clock));
        Assert.True(driver.Measure());

        // Quantised by the 16-bit code: T within 175/65535 °C, RH within 100/65535 %.
        Assert.InRange(driver.TemperatureMilliC / 1000.0, celsius - 0.003, celsius + 0.003);
        Assert.InRange(driver.HumidityMilliPercent / 1000.0, percent - 0.002, percent + 0.002);
    }

    [Fact]
    public void Sht3xRead_BeforeMeasurementDone_IsNackedAsBusError()
    {
        var model = new SimulatedSht3x(_clock);
        var driver = new Sht3x(model, null);
        Assert.True(driver.StartMeasurement());
        Assert.False(driver.TryReadMeasurement());
        Assert.Equal(SensorError.Bus, driver.LastError);
        _clock.Advance(TimeSpan.FromMilliseconds(driver.MeasurementTimeMs));
        Assert.True(driver.TryReadMeasurement());
    }

    [Fact]
    public void Sht3xRead_BadCrc_FailsWithCrcAndKeepsPreviousValues()
    {
        var model = new SimulatedSht3x(_clock) { TemperatureCelsius = 10 };
        var driver = new Sht3x(model, new SimulatedDelay(_clock));
        Assert.True(driver.Measure());
        var before = driver.TemperatureMilliC;
        model.TemperatureCelsius = 30;
        model.CorruptCrcNext = 1;
        Assert.False(driver.Measure());
        Assert.Equal(SensorError.Crc, driver.LastError);
        Assert.Equal(before, driver.TemperatureMilliC);
        Assert.True(driver.Measure());
        Assert.Equal(SensorError.None, driver.LastError);
    }

    [Fact]
    public void Sht3xMeasure_DeviceAbsent_FailsWithBusError()
    {
        var model = new SimulatedSht3x(_clock) { NackAll = true };
        var driver = new Sht3x(model, new SimulatedDelay(_clock));
        Assert.False(driver.Measure());
        Assert.Equal(SensorError.Bus, driver.LastError);
    }

    [Fact]
    public void Sht3xHeater_On_SetsStatusBit13AndWarmsTheReading()
    {
        var model = new SimulatedSht3x(_clock) { TemperatureCelsius = 20, HeaterRiseCelsius = 5 };
        var driver = new Sht3x(model, new SimulatedDelay(_clock));
        Assert.True(driver.ReadStatus());
        Assert.NotEqual(0, driver.Status & 0x0010); // reset detected after power-on (Table 17)
        Assert.True(driver.ClearStatus());
        Assert.True(driver.SetHeater(true));
        Assert.True(driver.ReadStatus());
        Assert.Equal(0x2000, driver.Status & 0x2010);
        Assert.True(driver.Measure());
        Assert.InRange(driver.TemperatureMilliC, 24997, 25003);
        Assert.True(driver.SetHeater(false));
        Assert.True(driver.Measure());
        Assert.InRange(driver.TemperatureMilliC, 19997, 20003);
    }

    [Fact]
    public void Sht3xMeasure_FrozenSensor_RepeatsTheStuckValue()
    {
        var model = new SimulatedSht3x(_clock) { TemperatureCelsius = 15 };
        var driver = new Sht3x(model, new SimulatedDelay(_clock));
        Assert.True(driver.Measure());
        model.FreezeOutputs = true;
        model.TemperatureCelsius = 35;
        Assert.True(driver.Measure());
        Assert.InRange(driver.TemperatureMilliC, 14997, 15003);
    }

    [Theory]
    [InlineData(22.2, 45.0)]
    [InlineData(-30.0, 1.0)]
    public void Sht4xMeasure_PhysicalInputs_MatchDatasheetFormula(double celsius, double percent)
    {
        var model = new SimulatedSht4x(_clock) { TemperatureCelsius = celsius, HumidityPercent = percent };
        var driver = new Sht4x(model, new SimulatedDelay(_clock));
        Assert.True(driver.Measure());
        Assert.InRange(driver.TemperatureMilliC / 1000.0, celsius - 0.003, celsius + 0.003);

        // RH = -6 + 125·S/65535: one code is 125/65535 %.
        Assert.InRange(driver.HumidityMilliPercent / 1000.0, percent - 0.003, percent + 0.003);
    }

    [Fact]
    public void Sht4xRead_TooEarly_IsNackedAndLowPrecisionIsFaster()
    {
        var model = new SimulatedSht4x(_clock);
        var driver = new Sht4x(model, null) { Precision = Sht4x.PrecisionLow };
        Assert.True(driver.StartMeasurement());
        Assert.False(driver.TryReadMeasurement());
        Assert.Equal(SensorError.Bus, driver.LastError);
        _clock.Advance(TimeSpan.FromMilliseconds(driver.MeasurementTimeMs));
        Assert.True(driver.TryReadMeasurement());
        Assert.Equal(2, driver.MeasurementTimeMs);
    }

    [Fact]
    public void Sht4xHeat_LongPulse_WaitsOverOneSecondAndReadsWarmedValue()
    {
        var model = new SimulatedSht4x(_clock) { TemperatureCelsius = 20, HeaterRiseCelsius = 8 };
        var delay = new SimulatedDelay(_clock);
        var driver = new Sht4x(model, delay);
        Assert.True(driver.Heat(200, longPulse: true));
        Assert.Equal(1, model.HeaterPulses);
        Assert.True(delay.WaitedMs >= 1000);
        Assert.InRange(driver.TemperatureMilliC, 27997, 28003);
        Assert.Throws<ArgumentOutOfRangeException>(() => driver.Heat(50, longPulse: false));
    }

    [Fact]
    public void Sht4xReadSerial_ReturnsBothWords()
    {
        var model = new SimulatedSht4x(_clock) { SerialNumber = 0xCAFE1234 };
        var driver = new Sht4x(model, new SimulatedDelay(_clock));
        Assert.True(driver.ReadSerial());
        Assert.Equal(0xCAFE1234L, driver.SerialNumber);
    }

    [Fact]
    public void Sht4xMeasure_CrcOnSecondWordBad_FailsWithCrc()
    {
        var model = new SimulatedSht4x(_clock) { CorruptCrcAll = true };
        var driver = new Sht4x(model, new SimulatedDelay(_clock));
        Assert.False(driver.Measure());
        Assert.Equal(SensorError.Crc, driver.LastError);
        model.CorruptCrcAll = false;
        model.NackNext = 1;
        Assert.False(driver.Measure());
        Assert.Equal(SensorError.Bus, driver.LastError);
    }
}
