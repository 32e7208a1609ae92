using System.Device.Gpio;
using Edge.Gateway.Pulse;
using Edge.Gateway.Radio;
using Edge.Gateway.Sensors;
using Edge.Gateway.Sensors.Seismic;
using Edge.Gateway.Store;
using Edge.Gateway.Tests.Support;
using Edge.HwSim.Devices;
using Edge.HwSim.Gpio;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Tests.Pulse;

/// <summary>
/// A pulse meter on the Pi's GPIO, end to end: hw-sim's pulse meter (reed contacts with bounce) drives pins of a
/// simulated GPIO chip under System.Device.Gpio's real <see cref="GpioController"/>; the service counts with the
/// firmware's PulseCounter and stores on-the-hour register readings in the real SQLite store. Expected registers are
/// the simulator's ground truth (pulses its magnet made), not the service's count.
/// </summary>
public sealed class PulseMeterInputServiceTests : IDisposable
{
    private const int PinA = 17;
    private const int PinB = 27;
    private const int Tamper = 22;
    private static readonly DateTimeOffset _t0 = DateTimeOffset.Parse("2025-11-25T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Execute_FlowWithContactBounce_OnTheHourRegisterEqualsPulsesTheMagnetMade()
    {
        var rig = await Rig.StartAsync(_dir.Path, litresPerPulse: 1);

        // 123 l drawn between 00:10 and 00:40, each quarter turn with up to 3 chatters in 1.5 ms.
        rig.Meter.Flow(_t0.AddMinutes(10).ToUnixTimeMilliseconds(), 30 * 60_000, 123);
        var truth = rig.Meter.PulsesBefore(_t0.AddHours(1).ToUnixTimeMilliseconds());
        await rig.ReadAtAsync(_t0.AddHours(1), 1);
        await rig.StopAsync();

        Assert.Equal(123, truth);
        var row = Assert.Single(StoreFile.Rows(rig.Store.Database.FilePath));
        Assert.Equal(("gpio-meter", "volume", "l", truth * 1000, 3), (row.Device, row.Channel, row.Unit, row.Mantissa, row.Scale));
        Assert.Equal(_t0.AddHours(1).ToUnixTimeMilliseconds(), row.ObservedMs);
        Assert.Equal(0, row.Flags);
    }

    [Fact]
    public async Task Execute_Restart_ContinuesFromTheSavedRegisterIncludingPulsesAfterTheLastReading()
    {
        var first = await Rig.StartAsync(_dir.Path, litresPerPulse: 10);
        first.Meter.Flow(_t0.AddMinutes(5).ToUnixTimeMilliseconds(), 600_000, 50); // 5 pulses of 10 l
        await first.ReadAtAsync(_t0.AddHours(1), 1);
        first.Meter.Flow(_t0.AddMinutes(70).ToUnixTimeMilliseconds(), 60_000, 30); // 3 more, then the gateway stops

        // The third closing is the flow's last edge: it counts once it has held for the debounce time.
        first.MoveTo(_t0.AddMinutes(72));
        await first.StopAsync();

        var second = await Rig.StartAsync(_dir.Path, litresPerPulse: 10, time: first.Store.Time);
        second.Meter.Flow(_t0.AddMinutes(90).ToUnixTimeMilliseconds(), 60_000, 20); // 2 more on a new meter model
        await second.ReadAtAsync(_t0.AddHours(2), 1);
        await second.StopAsync();

        // 5 × 10 l at 01:00; (5 + 3 + 2) × 10 l = 100 l at 02:00.
        var rows = StoreFile.Rows(first.Store.Database.FilePath);
        Assert.Equal([50_000L, 100_000L], rows.Select(r => r.Mantissa));
    }

    [Fact]
    public async Task Execute_ReverseTurnsAndTamper_CountDownAndFlagTheReading()
    {
        var rig = await Rig.StartAsync(_dir.Path, litresPerPulse: 1);
        rig.Meter.Flow(_t0.AddMinutes(1).ToUnixTimeMilliseconds(), 60_000, 10); // 10 forward, magnet back at rest on A

        // Two turns backwards: from rest (A closed, B open) A opens, B closes, A closes (B closed: reverse), B opens.
        // Contacts pull their pin low when closed. 20 ms between steps, over the 10 ms debounce.
        var at = _t0.AddMinutes(5);
        for (var turn = 0; turn < 2; turn++)
        {
            foreach (var (pin, closed) in new[] { (PinA, false), (PinB, true), (PinA, true), (PinB, false) })
            {
                at = at.AddMilliseconds(20);
                rig.MoveTo(at);
                rig.Driver.SetLevel(pin, !closed);
            }
        }

        rig.MoveTo(at.AddSeconds(1));
        rig.Driver.SetLevel(Tamper, false); // a magnet held to the meter closes the tamper contact
        await rig.ReadAtAsync(_t0.AddHours(1), 1);
        await rig.StopAsync();

        var row = Assert.Single(StoreFile.Rows(rig.Store.Database.FilePath));
        Assert.Equal((10L - 2) * 1000, row.Mantissa);
        Assert.Equal(PulseMeterInputService.ReverseFlag | PulseMeterInputService.TamperFlag, row.Flags);
    }

    [Fact]
    public void AddPulseMeters_BadEntries_OneMessageEachAsAConfigurationError()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Edge:Gateway:PulseMeters:0:Device"] = "a",
            ["Edge:Gateway:PulseMeters:0:PinA"] = "17",
            ["Edge:Gateway:PulseMeters:0:LitresPerPulse"] = "0.0005",
            ["Edge:Gateway:PulseMeters:1:Device"] = "a",
            ["Edge:Gateway:PulseMeters:1:PinA"] = "17",
            ["Edge:Gateway:PulseMeters:1:Interval"] = "00:07:00",
        }).Build();

        var error = Assert.Throws<OptionsValidationException>(() => PulseMeterRegistration.AddPulseMeters(new ServiceCollection(), configuration));

        Assert.Equal(
            [
                "Edge:Gateway:PulseMeters:0: LitresPerPulse must be positive with at most 3 decimals (got 0.0005).",
                "Edge:Gateway:PulseMeters:1: device 'a' is configured twice.",
                "Edge:Gateway:PulseMeters:1: GPIO 17 is used twice.",
                "Edge:Gateway:PulseMeters:1: Interval must be at least 1 minute and divide a day (got 00:07:00).",
            ],
            error.Failures);
    }

    [Fact]
    public async Task Execute_GpioCannotBeOpened_RetriesAndCountsOnceItOpens()
    {
        var store = new TestStore(_dir.Path);
        await store.Writer.StartAsync(CancellationToken.None);
        var driver = new SimulatedGpioDriver(pinCount: 10); // pin 17 does not exist on this chip
        var opens = 0;
        var service = Service(store, driver, litresPerPulse: 1, onOpen: () => opens++);
        await service.StartAsync(CancellationToken.None);
        await Wait.UntilAsync(() => opens >= 1, TimeSpan.FromSeconds(30), "a first attempt to open the GPIO");

        Assert.False(service.IsCounting);
        await service.StopAsync(CancellationToken.None);
        await store.Writer.StopAsync(CancellationToken.None);
        Assert.Empty(StoreFile.Rows(store.Database.FilePath));
    }

    private static PulseMeterInputService Service(TestStore store, SimulatedGpioDriver driver, decimal litresPerPulse, Action? onOpen = null) => new(
        new PulseMeterOptions { Device = "gpio-meter", PinA = PinA, PinB = PinB, TamperPin = Tamper, LitresPerPulse = litresPerPulse },
        () =>
        {
            onOpen?.Invoke();
            return new GpioController(driver);
        },
        store.Options.Value.DataDir,
        new SensorReadingSink(new MeterSequences(store.Database), new DataClassifier(store.Options), store.Writer,
            new SensorThresholdEvaluator(new SensorThresholdOptions()), NullLogger<SensorReadingSink>.Instance),
        store.Time,
        NullLogger<PulseMeterInputService>.Instance);

    private sealed class Rig
    {
        private Rig(TestStore store, SimulatedGpioDriver driver, SimulatedPulseMeter meter, PulseMeterInputService service)
        {
            Store = store;
            Driver = driver;
            Meter = meter;
            Service = service;
        }

        public TestStore Store { get; }

        public SimulatedGpioDriver Driver { get; }

        public SimulatedPulseMeter Meter { get; }

        public PulseMeterInputService Service { get; }

        public static async Task<Rig> StartAsync(string dataDir, decimal litresPerPulse, Microsoft.Extensions.Time.Testing.FakeTimeProvider? time = null)
        {
            var store = new TestStore(dataDir, time: time);
            await store.Writer.StartAsync(CancellationToken.None);
            var driver = new SimulatedGpioDriver();
            var meter = new SimulatedPulseMeter((double)litresPerPulse, new ReedBounceModel(), seed: 7) { UptimeOriginUnixMs = 0 };
            var rig = new Rig(store, driver, meter, Service(store, driver, litresPerPulse));
            _ = new GpioPulseMeterWiring(meter, driver, [PinA, PinB, Tamper], rig.MoveTo);
            driver.SetLevel(Tamper, true); // tamper contact open: the pull-up holds the pin high
            await rig.Service.StartAsync(CancellationToken.None);
            await Wait.UntilAsync(() => rig.Service.IsCounting, TimeSpan.FromSeconds(30), "the service to count");
            return rig;
        }

        /// <summary>Moves the clock forward to <paramref name="unixMs"/> (never back).</summary>
        public void MoveTo(long unixMs) => MoveTo(DateTimeOffset.FromUnixTimeMilliseconds(unixMs));

        public void MoveTo(DateTimeOffset at)
        {
            if (at > Store.Time.GetUtcNow())
            {
                Store.Time.SetUtcNow(at);
            }
        }

        /// <summary>Lets the clock reach <paramref name="boundary"/> once the service waits for it, and waits for the reading.</summary>
        public async Task ReadAtAsync(DateTimeOffset boundary, int readings)
        {
            await Wait.UntilAsync(() => Service.NextReadingAt == boundary, TimeSpan.FromSeconds(30), $"the service to wait for {boundary}");
            MoveTo(boundary);

            // The service waits at most a minute at a time, each wait set from the clock when it starts; one set while
            // the flow moved the clock may end a minute past the boundary. The reading is stamped with the boundary.
            for (var nudge = 1; Service.ReadingsStored < readings && nudge <= 10; nudge++)
            {
                await Task.Delay(200);
                MoveTo(boundary.AddSeconds(nudge * 15));
            }

            await Wait.UntilAsync(() => Service.ReadingsStored >= readings, TimeSpan.FromSeconds(30), $"{readings} readings");
        }

        public async Task StopAsync()
        {
            await Service.StopAsync(CancellationToken.None);
            await Store.Writer.StopAsync(CancellationToken.None);
        }
    }
}
