using System.Device.Gpio;
using Edge.Gateway.Control;
using Edge.Gateway.Sensors.Seismic;
using Edge.Gateway.Store;
using Edge.Gateway.Tests.Support;
using Edge.HwSim.Gpio;
using Edge.Uplink;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Gateway.Tests.Control;

/// <summary>The local disaster switches, read by <see cref="ControlService"/> with no link at all: file, GPIO, seismic trigger.</summary>
public sealed class LocalSwitchTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private (ControlRig Rig, ControlService Service) Start(SimulatedGpioDriver? gpio = null, SensorThresholdEvaluator? seismic = null, string seismicClass = "")
    {
        var rig = new ControlRig(_dir.Path, o =>
        {
            o.Control.DisasterFile = _dir.File("disaster");
            o.Control.GpioPin = gpio is null ? -1 : 17;
            o.Control.SeismicClass = seismicClass;
        });
        var service = new ControlService(rig.Control, Microsoft.Extensions.Options.Options.Create(rig.Settings), rig.Rig.Time,
            NullLogger<ControlService>.Instance, rig.Router, null, seismic, gpio is null ? null : () => new GpioController(gpio));
        rig.Control.Start();
        return (rig, service);
    }

    [Fact]
    public async Task File_CreatedThenRemoved_DisasterOnThenOff()
    {
        var (rig, service) = Start();

        await service.StepAsync(default);
        Assert.False(rig.Control.Status.Plan.DisasterMode);

        await File.WriteAllTextAsync(_dir.File("disaster"), "");
        await service.StepAsync(default);
        Assert.Equal(["file"], rig.Control.Status.Plan.Sources);

        File.Delete(_dir.File("disaster"));
        await service.StepAsync(default);
        Assert.False(rig.Control.Status.Plan.DisasterMode);
    }

    [Fact]
    public async Task Gpio_SwitchClosedToGround_DisasterOnWithPullUp()
    {
        var gpio = new SimulatedGpioDriver();
        var (rig, service) = Start(gpio);

        await service.StepAsync(default);
        Assert.Equal(PinMode.InputPullUp, gpio.ModeOf(17));
        Assert.False(rig.Control.Status.Plan.DisasterMode);

        gpio.SetLevel(17, high: false);
        await service.StepAsync(default);
        Assert.Equal(["gpio"], rig.Control.Status.Plan.Sources);

        gpio.Release(17);
        await service.StepAsync(default);
        Assert.False(rig.Control.Status.Plan.DisasterMode);
    }

    [Fact]
    public async Task Seismic_Intensity55AtOrAboveFiveLower_OnForTheHoldThenOff()
    {
        var seismic = new SensorThresholdEvaluator(new SensorThresholdOptions());
        var (rig, service) = Start(seismic: seismic, seismicClass: "5-");
        var now = rig.Rig.Now.ToUnixTimeMilliseconds();

        // 計測震度 4.4 is class 4 (JMA: 3.5 ≤ I < 4.5): below the trigger.
        seismic.Evaluate(Intensity(1, 44, now));
        await service.StepAsync(default);
        Assert.False(rig.Control.Status.Plan.DisasterMode);

        // 5.5 is 6弱 (5.5 ≤ I < 6.0): at or above 5弱.
        seismic.Evaluate(Intensity(2, 55, now));
        await service.StepAsync(default);
        Assert.Equal(["seismic"], rig.Control.Status.Plan.Sources);

        rig.Rig.Time.Advance(TimeSpan.FromHours(24));
        await service.StepAsync(default);
        Assert.False(rig.Control.Status.Plan.DisasterMode);
    }

    private static ReadingRecord Intensity(long seq, long tenths, long observedMs) =>
        new("seis-1", seq, SensorThresholdEvaluator.IntensityChannel, "1", tenths, 1, observedMs, ClockQuality.Ntp, 0, observedMs, DataClass.Alarm);
}
