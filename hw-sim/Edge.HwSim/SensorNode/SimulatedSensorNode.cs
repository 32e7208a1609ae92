using Edge.Firmware.App;
using Edge.Firmware.Buffering;
using Edge.Firmware.Hardware;
using Edge.Firmware.Sensors;
using Edge.Firmware.Sensors.Rain;
using Edge.Firmware.Sensors.Seismic;
using Edge.Firmware.Sensors.Uart;
using Edge.Firmware.Storage;
using Edge.HwSim.Devices;
using Edge.HwSim.Sensors;
using Edge.HwSim.Sensors.Rain;
using Edge.HwSim.Sensors.Seismic;
using Edge.HwSim.Sensors.Uart;

namespace Edge.HwSim.SensorNode;

/// <summary>
/// A simulated city sensor node: the real firmware app (<see cref="SensorNodeDevice"/>) and real drivers run
/// against the register/byte-level models (BME280, SHT4x, SCD4x, PMS5003, A02YYUW, tipping bucket, ADXL355) over
/// simulated flash, sending through a real uplink. Physical inputs are plain settable values: a river level, a
/// rain intensity, a synthetic earthquake. Time moves only in <see cref="AdvanceTo"/>, in 100 ms ticks.
/// </summary>
public sealed class SimulatedSensorNode : IDisposable
{
    /// <summary>Main loop period of the simulated firmware (ms).</summary>
    public const int TickMs = 100;

    private readonly Func<IUplink> _uplinkFactory;
    private readonly long _originUnixMs;
    private SyntheticQuake? _quake;
    private double _quakeStartSeconds;

    /// <summary>Creates the node at <paramref name="startUnixMs"/>; call <see cref="Boot"/> before advancing time.</summary>
    public SimulatedSensorNode(SensorNodeConfig config, long startUnixMs, Func<IUplink> uplinkFactory, int seed = 1)
    {
        Config = config;
        _uplinkFactory = uplinkFactory;
        _originUnixMs = startUnixMs;
        Time = new SimulationClock(DateTimeOffset.FromUnixTimeMilliseconds(startUnixMs), running: false);
        Clock = new SensorNodeClock(Time, startUnixMs);
        Storage = new MemoryStorage(ReadingRing.RequiredBytes(config.RingCapacity));
        Bme280 = new SimulatedBmx280(Time);
        Sht4x = new SimulatedSht4x(Time);
        Scd4x = new SimulatedScd4x(Time);
        Pms5003 = new Pms5003Model(seed);
        WaterLevel = new A02yyuwModel(seed) { MountHeightMm = 4000, WaterLevelMm = 1500 };
        RainBucket = new TippingBucketModel(0.5, ReedBounceModel.None, seed);
        Accelerometer = new Adxl355Model(QuakeAt, noiseGal: 0.03, seed);
    }

    /// <summary>Provisioned settings.</summary>
    public SensorNodeConfig Config { get; }

    /// <summary>The simulation's time (the sensor models' clock).</summary>
    public SimulationClock Time { get; }

    /// <summary>The node's clock.</summary>
    public SensorNodeClock Clock { get; }

    /// <summary>The node's simulated flash.</summary>
    public MemoryStorage Storage { get; }

    /// <summary>BME280 model (air temperature, pressure, humidity).</summary>
    public SimulatedBmx280 Bme280 { get; }

    /// <summary>SHT4x model.</summary>
    public SimulatedSht4x Sht4x { get; }

    /// <summary>SCD4x model.</summary>
    public SimulatedScd4x Scd4x { get; }

    /// <summary>PMS5003 model.</summary>
    public Pms5003Model Pms5003 { get; }

    /// <summary>A02YYUW model over the river (mount height 4 m above the gauge datum; the sensor reads 3-450 cm).</summary>
    public A02yyuwModel WaterLevel { get; }

    /// <summary>Tipping bucket model, 0.5 mm per tip.</summary>
    public TippingBucketModel RainBucket { get; }

    /// <summary>ADXL355 model shaken by <see cref="StartQuake"/>.</summary>
    public Adxl355Model Accelerometer { get; }

    /// <summary>The firmware instance of the current boot.</summary>
    public SensorNodeDevice Device { get; private set; } = null!;

    /// <summary>The uplink of the current boot.</summary>
    public IUplink Uplink { get; private set; } = null!;

    /// <summary>Trigger settings of the next boot: pre, post, STA, LTA samples; on/off ratio; threshold LSB.</summary>
    public (int Pre, int Post, int Sta, int Lta, double On, double Off, int ThresholdLsb) TriggerSettings { get; set; } = (1000, 5000, 100, 3000, 4.0, 1.5, 0);

    /// <summary>Sets the river's water level above the gauge datum (m).</summary>
    public void SetRiverLevelMetres(double metres) => WaterLevel.WaterLevelMm = metres * 1000;

    /// <summary>Sets the rain intensity (mm/h).</summary>
    public void SetRainMmPerHour(double mmPerHour) => RainBucket.SetRainMmPerHour(mmPerHour);

    /// <summary>Plays <paramref name="quake"/> (gal) through the accelerometer from now on.</summary>
    public void StartQuake(SyntheticQuake quake)
    {
        _quake = quake;
        _quakeStartSeconds = Accelerometer.TimeSeconds;
    }

    /// <summary>Powers the node up (or back up): new drivers and firmware start from what the flash holds.</summary>
    public void Boot()
    {
        (Uplink as IDisposable)?.Dispose();
        Uplink = _uplinkFactory();
        var delay = new SimulatedDelay(Time);
        var adxl = new Adxl355(Accelerometer);
        var t = TriggerSettings;
        var trigger = new SeismicTrigger(t.Pre, t.Post, t.Sta, t.Lta, t.On, t.Off, t.ThresholdLsb);
        var hardware = new SensorNodeHardware
        {
            Bmx280 = new Bmx280(Bme280),
            Sht4x = new Sht4x(Sht4x, delay),
            Scd4x = new Scd4x(Scd4x, delay),
            Pms5003 = new Pms5003(Pms5003),
            WaterLevel = new A02yyuw(WaterLevel, new WaterLevelFilter(WaterLevel.MountHeightMm, 5, A02yyuw.MinDistanceMm, A02yyuw.MaxDistanceMm)),
            Rain = new RainGauge(500, 10),
            RainInput = RainBucket,
            Accelerometer = adxl,
            Seismic = new SeismicSampler(adxl, trigger, 500),
            Trigger = trigger,
            Delay = delay,
        };
        Device = new SensorNodeDevice(Config, hardware, Clock, Storage, Uplink);
        Device.Start();
    }

    /// <summary>Moves time to <paramref name="unixMs"/> in ticks: the physical world, then the firmware's main loop.</summary>
    public void AdvanceTo(long unixMs)
    {
        while (Clock.UtcNowUnixMs < unixMs)
        {
            var step = Math.Min(TickMs, unixMs - Clock.UtcNowUnixMs);
            Time.Advance(TimeSpan.FromMilliseconds(step));
            var elapsedMs = Clock.UtcNowUnixMs - _originUnixMs;
            Pms5003.AdvanceMs(Math.Max(0, elapsedMs - Pms5003.NowMs));
            WaterLevel.AdvanceMs(Math.Max(0, elapsedMs - WaterLevel.NowMs));
            RainBucket.AdvanceMs(Math.Max(0, elapsedMs - RainBucket.NowMs));
            Accelerometer.Advance(Math.Max(0, (elapsedMs / 1000.0) - Accelerometer.TimeSeconds));
            Device.Tick();
        }
    }

    /// <inheritdoc />
    public void Dispose() => (Uplink as IDisposable)?.Dispose();

    private (double X, double Y, double Z) QuakeAt(double seconds) =>
        _quake is null ? (0, 0, 0) : _quake.At(seconds - _quakeStartSeconds);
}
