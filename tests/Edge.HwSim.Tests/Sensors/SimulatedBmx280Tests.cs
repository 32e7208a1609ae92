using System.Device.I2c;
using Edge.Firmware.Sensors;
using Edge.HwSim.Sensors;

namespace Edge.HwSim.Tests.Sensors;

/// <summary>The BME280/BMP280 register model itself, read over its I2cDevice face.</summary>
public class SimulatedBmx280Tests
{
    private readonly SimulationClock _clock = new(DateTimeOffset.UnixEpoch, running: false);

    [Fact]
    public void PowerOn_Registers_HoldDatasheetResetValues()
    {
        // BME280 datasheet Table 18: chip_id 0x60, control registers 0, data registers 0x80000 / 0x8000.
        I2cDevice device = new SimulatedBmx280(_clock, withHumidity: true);
        Assert.Equal(0x60, ReadAt(device, 0xD0, 1)[0]);
        Assert.Equal(new byte[] { 0x00, 0x00, 0x00, 0x00 }, ReadAt(device, 0xF2, 4));
        Assert.Equal(new byte[] { 0x80, 0x00, 0x00, 0x80, 0x00, 0x00, 0x80, 0x00 }, ReadAt(device, 0xF7, 8));
        I2cDevice bmp = new SimulatedBmx280(_clock, withHumidity: false);
        Assert.Equal(0x58, ReadAt(bmp, 0xD0, 1)[0]);
    }

    [Fact]
    public void Calibration_Registers_HoldSensorsMdExampleLittleEndian()
    {
        // dig_T1 27504 = 0x6B70, dig_T2 26435 = 0x6743, dig_T3 -1000 = 0xFC18 (little-endian at 0x88).
        I2cDevice device = new SimulatedBmx280(_clock);
        Assert.Equal(new byte[] { 0x70, 0x6B, 0x43, 0x67, 0x18, 0xFC }, ReadAt(device, 0x88, 6));

        // dig_P9 6000 = 0x1770 at 0x9E.
        Assert.Equal(new byte[] { 0x70, 0x17 }, ReadAt(device, 0x9E, 2));
    }

    [Fact]
    public void CtrlHum_TakesEffectOnlyAfterCtrlMeasWrite()
    {
        // §5.4.3: changes to ctrl_hum become effective after a write to ctrl_meas.
        var model = new SimulatedBmx280(_clock);
        I2cDevice device = model;
        device.Write([0xF2, 0x01]);
        device.Write([0xF4, 0x25]); // osrs_t ×1, osrs_p ×1, forced
        Assert.Equal(0x01, ReadAt(device, 0xF2, 1)[0]);
        _clock.Advance(TimeSpan.FromMilliseconds(10));
        Assert.NotEqual(new byte[] { 0x80, 0x00 }, ReadAt(device, 0xFD, 2));
        Assert.Equal(0, model.Mode);
    }

    [Fact]
    public void Oversampling1_FilterOff_Outputs16BitResolution()
    {
        // §3.4.3: with osrs ×1 and the filter off the output has 16 bits, so the 4 xlsb bits read 0.
        var model = new SimulatedBmx280(_clock) { RawOverride = (519888, 415148, 30000) };
        I2cDevice device = model;
        device.Write([0xF4, 0x25]);
        _clock.Advance(TimeSpan.FromMilliseconds(10));
        var data = ReadAt(device, 0xF7, 6);
        Assert.Equal(0, data[2] & 0xF0);
        Assert.Equal(519888 & ~0xF, (data[3] << 12) | (data[4] << 4) | (data[5] >> 4));
    }

    [Fact]
    public void ConfigWrite_InNormalMode_IsIgnored()
    {
        I2cDevice device = new SimulatedBmx280(_clock);
        device.Write([0xF4, 0x27]); // normal mode
        device.Write([0xF5, 0x10]);
        Assert.Equal(0x00, ReadAt(device, 0xF5, 1)[0]);
        device.Write([0xF4, 0x24]); // sleep
        device.Write([0xF5, 0x10]);
        Assert.Equal(0x10, ReadAt(device, 0xF5, 1)[0]);
    }

    [Fact]
    public void DriverConfigure_OutOfRange_IsRejectedWithoutBusTraffic()
    {
        var model = new SimulatedBmx280(_clock);
        var driver = new Bmx280(model);
        var before = model.Transfers;
        Assert.False(driver.Configure(6, 1, 1, 0, 0));
        Assert.Equal(SensorError.BadArgument, driver.LastError);
        Assert.False(driver.Configure(1, 1, 1, 5, 0));
        Assert.Equal(before, model.Transfers);
    }

    private static byte[] ReadAt(I2cDevice device, byte register, int count)
    {
        var buffer = new byte[count];
        device.WriteRead([register], buffer);
        return buffer;
    }
}
