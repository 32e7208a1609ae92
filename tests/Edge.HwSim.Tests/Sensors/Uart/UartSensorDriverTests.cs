using Edge.Firmware.Sensors.Uart;
using Edge.HwSim.Sensors.Uart;

namespace Edge.HwSim.Tests.Sensors.Uart;

/// <summary>The portable PMS5003 and A02YYUW drivers against the byte-level models.</summary>
public sealed class UartSensorDriverTests
{
    private static Pms5003Model Pms(int seed = 1)
    {
        var m = new Pms5003Model(seed);
        // sensors.md's frame values.
        m.SetData(12, 18, 21, 12, 18, 21, 2100, 620, 110, 10, 2, 1);
        return m;
    }

    [Fact]
    public void Pms5003_ModelFrame_IsTheCorpusFrame()
    {
        Assert.Equal("424D001C000C00120015000C001200150834026C006E000A00020001970002CD", Convert.ToHexString(Pms().DataFrame()));
    }

    [Fact]
    public void Pms5003_ActiveMode_ReadsFrames()
    {
        var model = Pms();
        var driver = new Pms5003(model);
        Assert.Equal(UartSensorStatus.Ok, driver.Configure());
        Assert.Equal(9600, model.BaudRate);
        Assert.Equal(UartSensorStatus.Ok, driver.ReadFrame(1500));
        Assert.Equal(18, driver.Latest.Pm25Atmospheric);
        Assert.Equal(2100, driver.Latest.Count03);
    }

    [Fact]
    public void Pms5003_PassiveMode_FramesOnlyOnRequest()
    {
        var model = Pms();
        var driver = new Pms5003(model);
        Assert.Equal(UartSensorStatus.Ok, driver.SetPassive(true, 500));
        Assert.True(model.Passive);
        Assert.Equal(UartSensorStatus.Timeout, driver.ReadFrame(5000));
        model.SetData(1, 2, 3, 4, 55, 6, 7, 8, 9, 10, 11, 12);
        Assert.Equal(UartSensorStatus.Ok, driver.RequestRead(500));
        Assert.Equal(55, driver.Latest.Pm25Atmospheric);
        Assert.Equal(UartSensorStatus.Ok, driver.SetPassive(false, 500));
        Assert.Equal(UartSensorStatus.Ok, driver.ReadFrame(1500));
    }

    [Fact]
    public void Pms5003_SleepAndWake()
    {
        var model = Pms();
        var driver = new Pms5003(model);
        Assert.Equal(UartSensorStatus.Ok, driver.Sleep(500));
        Assert.True(model.Asleep);
        Assert.Equal(UartSensorStatus.Timeout, driver.ReadFrame(10_000));
        Assert.Equal(UartSensorStatus.Ok, driver.Wake());
        Assert.False(model.Asleep);
        Assert.Equal(UartSensorStatus.Ok, driver.ReadFrame(3000));
    }

    [Fact]
    public void Pms5003_GarbageAndCorruption_EveryGoodFrameStillDecodes()
    {
        var model = Pms(seed: 7);
        model.GarbageProbability = 0.5;
        model.CorruptProbability = 0.2;
        var driver = new Pms5003(model);
        var good = 0;
        for (var i = 0; i < 200; i++)
        {
            if (driver.ReadFrame(1500) == UartSensorStatus.Ok)
            {
                good++;
                Assert.Equal(18, driver.Latest.Pm25Standard);
            }
        }

        Assert.True(model.GarbageBytesSent > 100);
        Assert.True(driver.Parser.BadFrames > 10);
        Assert.True(good >= 150, $"{good} frames decoded");
    }

    [Fact]
    public void Pms5003_Unplugged_TimesOut()
    {
        var model = Pms();
        model.Unplugged = true;
        var driver = new Pms5003(model);
        Assert.Equal(UartSensorStatus.Timeout, driver.ReadFrame(3000));
        Assert.Equal(UartSensorStatus.Timeout, driver.SetPassive(true, 500));
    }

    [Fact]
    public void Pms5003_OnlyGarbage_IsNoFrame()
    {
        var model = Pms();
        model.Unplugged = true;
        model.InjectBytes(Enumerable.Repeat((byte)0x42, 200).ToArray());
        var driver = new Pms5003(model);
        Assert.Equal(UartSensorStatus.NoFrame, driver.ReadFrame(100));
    }

    [Fact]
    public void A02yyuw_WavesAndSplashes_LevelWithinTheWaves()
    {
        var model = new A02yyuwModel(seed: 3)
        {
            MountHeightMm = 4000,
            WaterLevelMm = 1500,
            WaveAmplitudeMm = 30,
            WavePeriodMs = 3000,
            SplashProbability = 0.15,
        };
        var driver = new A02yyuw(model, new WaterLevelFilter(4000, 9, A02yyuw.MinDistanceMm, A02yyuw.MaxDistanceMm));
        var worst = 0;
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(UartSensorStatus.Ok, driver.Poll(150, 64, out var frames));
            Assert.True(frames >= 1);
            if (driver.Filter.Ready)
            {
                worst = Math.Max(worst, Math.Abs(driver.Filter.LevelMm - 1500));
            }
        }

        Assert.True(model.Splashes > 5);
        Assert.InRange(worst, 0, 30); // the median stays within the wave amplitude despite the splashes
    }

    [Fact]
    public void A02yyuw_Garbage_Resynchronises()
    {
        var model = new A02yyuwModel(seed: 5) { WaterLevelMm = 1000, MountHeightMm = 3000, GarbageProbability = 0.5, GarbageMaxBytes = 5 };
        var driver = new A02yyuw(model, new WaterLevelFilter(3000, 1, 30, 4500));
        for (var i = 0; i < 50; i++)
        {
            driver.Poll(150, 64, out _);
        }

        Assert.True(model.GarbageBytesSent > 0);
        Assert.Equal(2000, driver.Filter.MedianDistanceMm);
        Assert.True(driver.Frames >= 40);
    }

    [Fact]
    public void A02yyuw_Unplugged_TimesOutAndWaterOutOfRange_IsRefused()
    {
        var model = new A02yyuwModel { Unplugged = true };
        var driver = new A02yyuw(model, new WaterLevelFilter(3000, 3, 30, 4500));
        Assert.Equal(UartSensorStatus.Timeout, driver.Poll(500, 64, out _));

        var flooded = new A02yyuwModel { MountHeightMm = 3000, WaterLevelMm = 2990 }; // 10 mm: inside the blind zone
        var d2 = new A02yyuw(flooded, new WaterLevelFilter(3000, 3, 30, 4500));
        Assert.Equal(UartSensorStatus.Ok, d2.Poll(150, 64, out _));
        Assert.True(d2.Filter.OutOfRange >= 1);
        Assert.Equal(0, d2.Filter.Count);
    }

    [Fact]
    public void Pms5003_AnswerToAnotherCommand_IsBadAnswer()
    {
        var model = Pms();
        model.InjectBytes([0x42, 0x4D, 0x00, 0x04, 0xE4, 0x00, 0x01, 0x77]); // a stale sleep acknowledgement
        var driver = new Pms5003(model);
        Assert.Equal(UartSensorStatus.BadAnswer, driver.SetPassive(true, 500));
    }

    [Fact]
    public void Drivers_LinkThrows_IsLinkError()
    {
        var link = new ThrowingLink();
        var pms = new Pms5003(link);
        Assert.Equal(UartSensorStatus.LinkError, pms.Configure());
        Assert.Equal(UartSensorStatus.LinkError, pms.Sleep(100));
        Assert.Equal(UartSensorStatus.LinkError, pms.ReadFrame(100));
        var a02 = new A02yyuw(link, new WaterLevelFilter(3000, 3, 30, 4500));
        Assert.Equal(UartSensorStatus.LinkError, a02.Configure());
        Assert.Equal(UartSensorStatus.LinkError, a02.Poll(100, 64, out _));
    }

    // A UART whose device node vanished (USB adapter pulled): every call throws.
    private sealed class ThrowingLink : Edge.Firmware.Hardware.ISerialLink
    {
        public void Configure(int baudRate, int dataBits, int parity, int stopBits) => throw new IOException("gone");

        public void Write(byte[] buffer, int index, int count) => throw new IOException("gone");

        public int Read(byte[] buffer, int index, int count, int timeoutMs) => throw new IOException("gone");

        public void DiscardInput() => throw new IOException("gone");
    }
}
