using Edge.Firmware.Sensors.Seismic;
using Edge.Gateway.Sensors.Seismic;
using Edge.HwSim.Sensors.Seismic;
using Xunit.Abstractions;

namespace Edge.Gateway.Tests.Sensors.Seismic;

/// <summary>
/// A synthetic earthquake through the whole chain: the hw-sim ADXL355 (125 Hz, ±2 g, noise, gravity), the
/// portable driver and sampler (FIFO, 125 → 100 Hz), the STA/LTA trigger's 60 s window, the gateway's JMA
/// intensity; compared with the intensity of the same earthquake computed directly from the source record.
/// </summary>
public sealed class QuakeEndToEndTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(80.0, 1)]
    [InlineData(250.0, 2)]
    public void Quake_ThroughSensorDriverAndTrigger_GivesTheIntensityOfTheRecord(double peakGal, int seed)
    {
        var quake = SyntheticQuake.Generate(new SyntheticQuakeOptions { DurationSeconds = 120, POnsetSeconds = 50, PeakGal = peakGal, Seed = seed });
        var model = new Adxl355Model(quake.At, noiseGal: 0.03, seed: seed);
        var trigger = new SeismicTrigger(preSamples: 1000, postSamples: 5000, staSamples: 100, ltaSamples: 3000, onRatio: 3, offRatio: 1.5, thresholdLsb: 0);
        var sensor = new Adxl355(model);
        var sampler = new SeismicSampler(sensor, trigger, stuckLimitSamples: 50);
        Assert.Equal(Adxl355Status.Ok, sampler.Start());
        while (!trigger.WindowReady && model.TimeSeconds < 115)
        {
            model.Advance(0.1);
            Assert.Equal(Adxl355Status.Ok, sampler.Poll());
        }

        Assert.True(trigger.WindowReady);
        Assert.Equal(SeismicTrigger.ReasonStaLta, trigger.TriggerReason);
        // Triggered on the P wave (sample numbers at 100 Hz from the start of the record).
        Assert.InRange(trigger.TriggerSample, quake.POnsetIndex, quake.SOnsetIndex);

        var n = trigger.WindowLength;
        Assert.Equal(6000, n);
        var (wx, wy, wz) = (new int[n], new int[n], new int[n]);
        trigger.CopyWindow(wx, wy, wz);
        var gal = Adxl355Model.GravityGal / sensor.LsbPerG;
        var calc = new JmaSeismicIntensity();
        var fromSensor = calc.Compute(wx.Select(v => v * gal).ToArray(), wy.Select(v => v * gal).ToArray(), wz.Select(v => v * gal).ToArray());

        // The same 60 s of the source record, straight into the JMA computation.
        var start = (int)trigger.TriggerSample - trigger.TriggerIndex;
        var direct = calc.Compute(quake.X.AsSpan(start, n), quake.Y.AsSpan(start, n), quake.Z.AsSpan(start, n));

        output.WriteLine($"peak {peakGal} gal: trigger at sample {trigger.TriggerSample} (P {quake.POnsetIndex}, S {quake.SOnsetIndex}); sensor a = {fromSensor.AccelerationGal:F3} gal {fromSensor}; record a = {direct.AccelerationGal:F3} gal {direct}");
        Assert.InRange(fromSensor.AccelerationGal, direct.AccelerationGal * 0.98, direct.AccelerationGal * 1.02);
        Assert.InRange(fromSensor.Tenths, direct.Tenths - 1, direct.Tenths + 1);
        Assert.True(fromSensor.IsReferenceValue);
    }
}
