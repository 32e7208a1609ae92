using Edge.Firmware.Sensors.Seismic;
using Edge.HwSim.Sensors.Seismic;

namespace Edge.HwSim.Tests.Sensors.Seismic;

/// <summary>The portable ADXL355 driver against the register-level model.</summary>
public sealed class Adxl355DriverTests
{
    private static Adxl355Model Constant(double xGal, double yGal, double zGal) => new(_ => (xGal, yGal, zGal), noiseGal: 0);

    [Fact]
    public void Start_OnModel_ChecksIdsAndConfiguresRangeAndFilter()
    {
        var model = Constant(0, 0, 0);
        var driver = new Adxl355(model);
        Assert.Equal(Adxl355Status.Ok, driver.Start(Adxl355.Range2G, Adxl355.Odr125Hz, Adxl355.HighPassOff));
        Assert.True(model.Measuring);
        Assert.Equal(0x81, model.Register(0x2C)); // I2C_HS, ±2 g
        Assert.Equal(0x05, model.Register(0x28));
        Assert.Equal(125.0, model.OdrHz);
        Assert.Equal(256000, driver.LsbPerG);
        Assert.Equal(125000, driver.OdrMilliHz);
    }

    [Fact]
    public void ReadLatest_ConstantAcceleration_IsTheDatasheetScale()
    {
        // ±2 g: 256,000 LSB/g; 100 gal = 100/980.665 g; z also carries 1 g.
        var model = Constant(100, -50, 0);
        var driver = new Adxl355(model);
        Assert.Equal(Adxl355Status.Ok, driver.Start(Adxl355.Range2G, Adxl355.Odr125Hz, 0));
        model.Advance(0.1);
        var xyz = new int[3];
        Assert.Equal(Adxl355Status.Ok, driver.ReadLatest(xyz));
        Assert.Equal((int)Math.Round(100 / 980.665 * 256000), xyz[0]);
        Assert.Equal((int)Math.Round(-50 / 980.665 * 256000), xyz[1]);
        Assert.Equal(256000, xyz[2]);
    }

    [Fact]
    public void ReadFifo_AtEightG_ReadsWholeSamplesInOrder()
    {
        var model = new Adxl355Model(t => (1000 * t, 0, 0), noiseGal: 0);
        var driver = new Adxl355(model);
        Assert.Equal(Adxl355Status.Ok, driver.Start(Adxl355.Range8G, Adxl355.Odr125Hz, 0));
        model.Advance(0.2); // 25 samples at 125 Hz
        var (x, y, z) = (new int[32], new int[32], new int[32]);
        Assert.Equal(Adxl355Status.Ok, driver.ReadFifo(x, y, z, 0, 32, out var count));
        Assert.Equal(25, count);
        for (var i = 0; i < count; i++)
        {
            var t = (i + 1) / 125.0;
            Assert.Equal((int)Math.Round(1000 * t / 980.665 * 64000), x[i]);
            Assert.Equal(64000, z[i]);
        }
    }

    [Fact]
    public void ReadFifo_NotPolledForLong_ReportsOverrunOnce()
    {
        var model = Constant(0, 0, 0);
        var driver = new Adxl355(model);
        driver.Start(Adxl355.Range2G, Adxl355.Odr125Hz, 0);
        model.Advance(1.0); // 125 samples into a 32-sample FIFO
        var (x, y, z) = (new int[32], new int[32], new int[32]);
        Assert.Equal(Adxl355Status.FifoOverrun, driver.ReadFifo(x, y, z, 0, 32, out var count));
        Assert.Equal(32, count);
        model.Advance(0.1);
        Assert.Equal(Adxl355Status.Ok, driver.ReadFifo(x, y, z, 0, 32, out count));
        Assert.Equal(12, count);
    }

    [Fact]
    public void Start_Nack_IsBusErrorAndNotStarted()
    {
        var model = Constant(0, 0, 0);
        model.Nack = true;
        var driver = new Adxl355(model);
        Assert.Equal(Adxl355Status.BusError, driver.Start(Adxl355.Range2G, Adxl355.Odr125Hz, 0));
        Assert.False(driver.Started);
        Assert.Equal(Adxl355Status.NotStarted, driver.ReadLatest(new int[3]));
    }

    [Fact]
    public void ReadFifo_NackAfterStart_IsBusError()
    {
        var model = Constant(0, 0, 0);
        var driver = new Adxl355(model);
        driver.Start(Adxl355.Range2G, Adxl355.Odr125Hz, 0);
        model.Advance(0.1);
        model.Nack = true;
        Assert.Equal(Adxl355Status.BusError, driver.ReadFifo(new int[32], new int[32], new int[32], 0, 32, out var count));
        Assert.Equal(0, count);
        Assert.Equal(Adxl355Status.BusError, driver.ReadLatest(new int[3]));
    }

    [Fact]
    public void Start_WrongPart_IsWrongDeviceAndStaysInStandby()
    {
        var model = Constant(0, 0, 0);
        model.WrongPartId = true;
        var driver = new Adxl355(model);
        Assert.Equal(Adxl355Status.WrongDevice, driver.Start(Adxl355.Range2G, Adxl355.Odr125Hz, 0));
        Assert.False(model.Measuring);
    }

    [Fact]
    public void Start_BadArguments_SendNothing()
    {
        var model = Constant(0, 0, 0);
        model.Nack = true; // any transfer would throw
        var driver = new Adxl355(model);
        Assert.Equal(Adxl355Status.InvalidArgument, driver.Start(0, Adxl355.Odr125Hz, 0));
        Assert.Equal(Adxl355Status.InvalidArgument, driver.Start(Adxl355.Range2G, 11, 0));
    }

    [Fact]
    public void Reset_ReturnsRegistersToPowerOn()
    {
        var model = Constant(0, 0, 0);
        var driver = new Adxl355(model);
        driver.Start(Adxl355.Range8G, 2, 3);
        Assert.Equal(Adxl355Status.Ok, driver.Reset());
        Assert.Equal(0x81, model.Register(0x2C));
        Assert.Equal(0x00, model.Register(0x28));
        Assert.False(model.Measuring);
    }

    [Fact]
    public void Sampler_StuckSensor_IsReported()
    {
        var model = new Adxl355Model(t => (Math.Sin(t), 0, 0), noiseGal: 0.03);
        var trigger = new SeismicTrigger(100, 100, 100, 1000, 3, 1.5, 0);
        var sampler = new SeismicSampler(new Adxl355(model), trigger, stuckLimitSamples: 50);
        Assert.Equal(Adxl355Status.Ok, sampler.Start());
        for (var i = 0; i < 10; i++)
        {
            model.Advance(0.2);
            Assert.Equal(Adxl355Status.Ok, sampler.Poll());
        }

        model.Stuck = true;
        var last = Adxl355Status.Ok;
        for (var i = 0; i < 5; i++)
        {
            model.Advance(0.2);
            last = sampler.Poll();
        }

        Assert.Equal(Adxl355Status.Stuck, last);
        Assert.True(sampler.Stuck);
        model.Stuck = false;
        model.Advance(0.2);
        Assert.Equal(Adxl355Status.Ok, sampler.Poll());
    }

    [Fact]
    public void Sampler_TenSeconds_DeliversAThousandSamplesAt100Hz()
    {
        var model = new Adxl355Model(_ => (0, 0, 0));
        var trigger = new SeismicTrigger(10, 10, 10, 100, 0, 1.5, 0);
        var sampler = new SeismicSampler(new Adxl355(model), trigger, 50);
        sampler.Start();
        for (var i = 0; i < 50; i++)
        {
            model.Advance(0.2);
            Assert.Equal(Adxl355Status.Ok, sampler.Poll());
        }

        // 1,250 samples at 125 Hz → 1,000 at 100 Hz, less the one the interpolation waits for.
        Assert.InRange(sampler.SamplesOut, 999, 1000);
        Assert.Equal(0, sampler.Gaps);
    }

    [Fact]
    public void ReadFifo_LostEntry_IsMisalignedAndTheNextReadIsClean()
    {
        var model = Constant(10, 20, 30);
        var driver = new Adxl355(model);
        driver.Start(Adxl355.Range2G, Adxl355.Odr125Hz, 0);
        model.Advance(0.1);
        model.DropFifoEntry();
        var (x, y, z) = (new int[32], new int[32], new int[32]);
        Assert.Equal(Adxl355Status.FifoMisaligned, driver.ReadFifo(x, y, z, 0, 32, out var count));
        Assert.Equal(0, count);
        model.Advance(0.1);
        Assert.Equal(Adxl355Status.Ok, driver.ReadFifo(x, y, z, 0, 32, out count));
        Assert.Equal(13, count); // samples 13 … 25 of 0.2 s at 125 Hz
        Assert.Equal((int)Math.Round(20 / 980.665 * 256000), y[0]);
    }

    [Fact]
    public void Sampler_BusErrorAndLostEntry_AreCountedAndTheStreamGoesOn()
    {
        var model = Constant(0, 0, 0);
        var sampler = new SeismicSampler(new Adxl355(model), new SeismicTrigger(10, 10, 10, 100, 0, 1.5, 0), 0);
        Assert.Equal(Adxl355Status.NotStarted, sampler.Poll());
        sampler.Start();
        model.Advance(0.2);
        model.Nack = true;
        Assert.Equal(Adxl355Status.BusError, sampler.Poll());
        model.Nack = false;
        model.DropFifoEntry();
        Assert.Equal(Adxl355Status.FifoMisaligned, sampler.Poll());
        model.Advance(0.2);
        Assert.Equal(Adxl355Status.Ok, sampler.Poll());
        Assert.Equal(1, sampler.BusErrors);
        Assert.Equal(1, sampler.Gaps);
        Assert.True(sampler.SamplesOut > 10);
    }
}
