using Edge.Firmware.Sensors.Rain;
using Edge.HwSim.Devices;
using Edge.HwSim.Sensors.Rain;

namespace Edge.HwSim.Tests.Sensors.Rain;

/// <summary>The portable rain gauge counting the tips of the simulated bucket with reed bounce.</summary>
public sealed class RainGaugeOnModelTests
{
    [Fact]
    public void HeavyRain_SixtyMillimetresPerHour_IsSixtyMillimetresInTheHour()
    {
        // Wall time of uptime 0 is 2026-07-01T03:00:00Z: blocks fall on uptime multiples of 10 minutes.
        const long origin = 1782874800000;
        var model = new TippingBucketModel(0.5, new ReedBounceModel(3, 1.5), seed: 11);
        var gauge = new RainGauge(500, 20);
        model.SetHandler(gauge);
        gauge.Initialise(model, 0);
        model.SetRainMmPerHour(60);
        for (var minute = 0; minute < 70; minute++)
        {
            model.AdvanceMs(60_000);
            gauge.Poll(model.NowMs, origin + model.NowMs);
        }

        model.SetRainMmPerHour(0);
        model.AdvanceMs(1000);
        gauge.Poll(model.NowMs, origin + model.NowMs);

        // 60 mm/h with 0.5 mm per tip: a tip every 30 s, the last at 70:00; 20 per whole block (a tip at
        // hh:10:00 is placed at its debounced closing, 20 ms later, in the block that starts then).
        Assert.Equal(model.Tips, gauge.Tips);
        Assert.Equal(140, model.Tips);
        Assert.True(gauge.HourComplete);
        Assert.Equal(10_000, gauge.Last10MinMicrometres);
        Assert.Equal(60_000, gauge.LastHourMicrometres);
    }

    [Fact]
    public void Bounce_UpToThreeMs_EachTipCountsOnce()
    {
        var model = new TippingBucketModel(0.5, new ReedBounceModel(5, 3), seed: 2);
        var gauge = new RainGauge(500, 10);
        model.SetHandler(gauge);
        gauge.Initialise(model, 0);
        model.SetRainMmPerHour(120);
        model.AdvanceMs(600_000);
        gauge.Poll(model.NowMs + 1000, 1782874800000 + model.NowMs + 1000);
        Assert.Equal(40, model.Tips);
        Assert.Equal(40, gauge.Tips);
    }
}
