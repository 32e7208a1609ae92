using Edge.Firmware.Sensors;
using Edge.HwSim.Sensors;

namespace Edge.HwSim.Tests.Sensors;

/// <summary>The portable BME280/BMP280 driver against the register model.</summary>
public class Bmx280DriverTests
{
    private readonly SimulationClock _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), running: false);

    [Fact]
    public void Initialise_AfterResetNvmCopy_ReadsDatasheetCalibration()
    {
        var (model, driver) = Create(withHumidity: true);
        Assert.True(driver.Initialise());
        Assert.Equal(0x60, driver.ChipId);

        // Right after the soft reset the NVM copy runs (status.im_update) for about 2 ms (datasheet Table 1).
        Assert.False(driver.ReadCalibration());
        Assert.Equal(SensorError.NotReady, driver.LastError);
        _clock.Advance(TimeSpan.FromMilliseconds(2));
        Assert.True(driver.ReadCalibration());

        var t = model.Trimming;
        var c = driver.Calibration;
        Assert.Equal((t.T1, t.T2, t.T3, t.P1, t.P5, t.P9), (c.T1, c.T2, c.T3, c.P1, c.P5, c.P9));
        Assert.Equal((t.H1, t.H2, t.H3, t.H4, t.H5, t.H6), (c.H1, c.H2, c.H3, c.H4, c.H5, c.H6));
    }

    [Fact]
    public void Initialise_WrongChipId_FailsWithWrongChip()
    {
        var (model, driver) = Create(withHumidity: true);
        model.ChipIdOverride = 0x61;
        Assert.False(driver.Initialise());
        Assert.Equal(SensorError.WrongChip, driver.LastError);
        Assert.False(driver.TryRead());
        Assert.Equal(SensorError.NotInitialised, driver.LastError);
    }

    [Fact]
    public void TryRead_DatasheetRawExample_GivesDatasheetIntegerResults()
    {
        var (model, driver) = Ready(withHumidity: false);
        Assert.Equal(0x58, driver.ChipId);

        // sensors.md: adc_T 519888, adc_P 415148 -> T 2508 (0.01 °C), P 25767233 (Q24.8).
        model.RawOverride = (519888, 415148, 0x8000);
        Assert.True(driver.Configure(Bmx280Settings.Oversampling16, Bmx280Settings.Oversampling16, 0, Bmx280Settings.FilterOff, 0));
        Assert.True(driver.StartForced());
        _clock.Advance(TimeSpan.FromMicroseconds(driver.MeasurementTimeUs));
        Assert.True(driver.TryRead());
        Assert.Equal(2508, driver.TemperatureCentiC);
        Assert.Equal(25767233, driver.PressureQ8);
        Assert.Equal(10065325, driver.PressureCentiPa);
        Assert.False(driver.HasHumidityReading);
    }

    [Theory]
    [InlineData(23.4, 98765.0, 61.5)]
    [InlineData(-12.0, 87000.0, 15.0)]
    [InlineData(38.0, 103500.0, 92.0)]
    public void TryRead_PhysicalInputs_ReturnsThemWithinResolution(double celsius, double pascals, double percent)
    {
        var (model, driver) = Ready(withHumidity: true);
        model.SetTemperatureCelsius(celsius);
        model.SetPressurePascals(pascals);
        model.SetHumidityPercent(percent);
        Assert.True(driver.Configure(Bmx280Settings.Oversampling2, Bmx280Settings.Oversampling16, Bmx280Settings.Oversampling1, Bmx280Settings.FilterOff, 0));
        Assert.True(driver.StartForced());
        _clock.Advance(TimeSpan.FromMicroseconds(driver.MeasurementTimeUs));
        Assert.True(driver.TryRead(), SensorError.ToText(driver.LastError));

        // Datasheet resolution: 0.01 °C (×2 oversampling, 17 bit), about 0.2 Pa at ×16, 0.008 %RH at 16 bit.
        Assert.InRange(driver.TemperatureCentiC / 100.0, celsius - 0.02, celsius + 0.02);
        Assert.InRange(driver.PressureQ8 / 256.0, pascals - 1.0, pascals + 1.0);
        Assert.InRange(driver.HumidityMilliPercent / 1000.0, percent - 0.05, percent + 0.05);
    }

    [Fact]
    public void TryRead_BeforeForcedMeasurementEnds_IsNotReady()
    {
        var (_, driver) = Ready(withHumidity: true);
        Assert.True(driver.Configure(1, 1, 1, 0, 0));
        Assert.True(driver.StartForced());
        Assert.False(driver.TryRead());
        Assert.Equal(SensorError.NotReady, driver.LastError);
        _clock.Advance(TimeSpan.FromMicroseconds(driver.MeasurementTimeUs));
        Assert.True(driver.TryRead());
    }

    [Fact]
    public void TryRead_NoMeasurementSinceReset_IsNotReady()
    {
        // Power-on data registers hold 0x80000 (datasheet Table 18).
        var (_, driver) = Ready(withHumidity: true);
        Assert.False(driver.TryRead());
        Assert.Equal(SensorError.NotReady, driver.LastError);
    }

    [Fact]
    public void TryRead_MeasuringBitStuck_StaysNotReady()
    {
        var (model, driver) = Ready(withHumidity: true);
        model.StuckMeasuring = true;
        Assert.True(driver.StartForced());
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(driver.TryRead());
        Assert.Equal(SensorError.NotReady, driver.LastError);
    }

    [Fact]
    public void TryRead_Nack_FailsWithBusErrorAndKeepsLastValues()
    {
        var (model, driver) = Ready(withHumidity: true);
        model.SetTemperatureCelsius(21.5);
        Measure(driver);
        var before = driver.TemperatureCentiC;
        model.NackAll = true;
        model.SetTemperatureCelsius(30);
        Assert.False(driver.StartForced());
        Assert.Equal(SensorError.Bus, driver.LastError);
        Assert.False(driver.TryRead());
        Assert.Equal(SensorError.Bus, driver.LastError);
        Assert.Equal(before, driver.TemperatureCentiC);
    }

    [Fact]
    public void TryRead_SkippedPressure_ReportsNoPressure()
    {
        var (_, driver) = Ready(withHumidity: true);
        Assert.True(driver.Configure(1, Bmx280Settings.OversamplingSkip, 1, 0, 0));
        Measure(driver);
        Assert.False(driver.HasPressureReading);
        Assert.True(driver.HasHumidityReading);
    }

    [Fact]
    public void NormalMode_IirFilter16_StepMovesOneSixteenthPerMeasurement()
    {
        var (model, driver) = Ready(withHumidity: false);
        model.SetPressurePascals(100000);
        Assert.True(driver.Configure(1, Bmx280Settings.Oversampling1, 0, Bmx280Settings.Filter16, Bmx280Settings.Standby62_5Ms));
        Assert.True(driver.StartNormal());
        _clock.Advance(TimeSpan.FromMilliseconds(10));
        Assert.True(driver.TryRead(), SensorError.ToText(driver.LastError));
        var start = driver.PressureQ8 / 256.0;

        // One more cycle (standby 62.5 ms + measurement) after a 1600 Pa step: §3.4.4, x = (x·15 + new)/16,
        // so the output moves by about 100 Pa, not 1600.
        model.SetPressurePascals(101600);
        _clock.Advance(TimeSpan.FromMilliseconds(70));
        Assert.True(driver.TryRead());
        var moved = (driver.PressureQ8 / 256.0) - start;
        Assert.InRange(moved, 100 - 5, 100 + 5);
    }

    private void Measure(Bmx280 driver)
    {
        Assert.True(driver.StartForced());
        _clock.Advance(TimeSpan.FromMicroseconds(driver.MeasurementTimeUs));
        Assert.True(driver.TryRead(), SensorError.ToText(driver.LastError));
    }

    private (SimulatedBmx280 Model, Bmx280 Driver) Create(bool withHumidity)
    {
        var model = new SimulatedBmx280(_clock, withHumidity);
        return (model, new Bmx280(model));
    }

    private (SimulatedBmx280 Model, Bmx280 Driver) Ready(bool withHumidity)
    {
        var (model, driver) = Create(withHumidity);
        Assert.True(driver.Initialise());
        _clock.Advance(TimeSpan.FromMilliseconds(2));
        Assert.True(driver.ReadCalibration());
        Assert.True(driver.Configure(1, 1, 1, 0, 0));
        return (model, driver);
    }
}
