using Edge.Firmware.Buffering;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.App;

/// <summary>
/// The sensor node: samples each fitted sensor on its own schedule into the persistent reading ring of its
/// <see cref="DeviceRuntime"/> (nothing lost across a reboot, overflow flagged), which sends pending
/// readings as multi-channel SenML frames until each is acknowledged, and sends every captured seismic window
/// in chunks until its last chunk is acknowledged. A sensor that fails (bus error, NACK, CRC, timeout) loses
/// that value only: it is counted, and the sensor's next reading carries <see cref="ReadingFlags.SensorFault"/>.
/// The gateway's sampling interval (config topic, <see cref="RemoteSettings"/>) replaces the provisioned interval of every
/// scheduled sensor, its reporting interval paces the reading frames; both apply at once and survive a reboot.
/// The main loop calls <see cref="Tick"/> at least every 200 ms (the ADXL355 FIFO); no allocation in steady state.
/// </summary>
public sealed partial class SensorNodeDevice
{
    /// <summary>Sensor slot: BME280/BMP280.</summary>
    public const int SlotBmx280 = 0;

    /// <summary>Sensor slot: SHT4x or SHT3x.</summary>
    public const int SlotSht = 1;

    /// <summary>Sensor slot: SCD4x.</summary>
    public const int SlotScd4x = 2;

    /// <summary>Sensor slot: PMS5003.</summary>
    public const int SlotPms5003 = 3;

    /// <summary>Sensor slot: A02YYUW.</summary>
    public const int SlotWaterLevel = 4;

    /// <summary>Sensor slot: ADXL355.</summary>
    public const int SlotSeismic = 5;

    private const int Slots = 6;
    private readonly SensorNodeConfig _config;
    private readonly SensorNodeHardware _hw;
    private readonly IClock _clock;
    private readonly DeviceRuntime _runtime;
    private readonly ReadingSchedule _schedule;
    private readonly bool[] _ready = new bool[Slots];
    private readonly int[] _faults = new int[Slots];
    private readonly int[] _lastError = new int[Slots];
    private readonly bool[] _faultSinceReading = new bool[Slots];
    private int _bootFlags;

    /// <summary>Wires the node; call <see cref="Start"/> once before <see cref="Tick"/>.</summary>
    public SensorNodeDevice(SensorNodeConfig config, SensorNodeHardware hardware, IClock clock, IStorage storage, IUplink uplink)
    {
        _config = config;
        _hw = hardware;
        _clock = clock;
        _runtime = new DeviceRuntime(config, SensorNodeChannels.Names, SensorNodeChannels.Units, Slots, clock, storage, uplink);
        _schedule = _runtime.Readings;
        _schedule.Provision(SlotBmx280, config.ClimateIntervalSeconds);
        _schedule.Provision(SlotSht, config.ClimateIntervalSeconds);
        _schedule.Provision(SlotScd4x, config.Co2IntervalSeconds);
        _schedule.Provision(SlotPms5003, config.ParticulateIntervalSeconds);
        _schedule.Provision(SlotWaterLevel, config.WaterLevelIntervalSeconds);
        _windowTopic = "edge/v1/" + config.DeviceId + "/window";
        InitWindow();
    }

    /// <summary>The gateway's configuration for this node (what is in force, applied and rejected messages).</summary>
    public RemoteSettings Settings => _runtime.Settings;

    /// <summary>Sampling interval in force for the sensor in <paramref name="slot"/>, seconds.</summary>
    public int IntervalSeconds(int slot) => _schedule.IntervalSeconds(slot);

    /// <summary>Reporting interval in force, seconds (0: every reading at once).</summary>
    public int ReportingSeconds => _runtime.ReportingSeconds;

    /// <summary>Readings taken and not yet acknowledged.</summary>
    public long PendingCount => _runtime.Ring.PendingCount;

    /// <summary>The sequence number of the next reading.</summary>
    public long NextSeq => _runtime.State.NextSeq;

    /// <summary>Boots counted, this one included.</summary>
    public uint BootCount => _runtime.State.BootCount;

    /// <summary>The MQTT topic of reading frames.</summary>
    public string Topic => _runtime.Topic;

    /// <summary>Failures of the sensor in <paramref name="slot"/> since boot (values skipped).</summary>
    public int Faults(int slot) => _faults[slot];

    /// <summary>The last <see cref="Sensors.SensorError"/> or <see cref="Sensors.Uart.UartSensorStatus"/> of a slot (0 after a success).</summary>
    public int LastError(int slot) => _lastError[slot];

    /// <summary>True when the sensor in <paramref name="slot"/> is fitted and started.</summary>
    public bool IsReady(int slot) => _ready[slot];

    /// <summary>Loads the persistent state, counts the boot and starts the fitted sensors (a failed one is retried on its schedule).</summary>
    public void Start()
    {
        _bootFlags = ReadingFlags.Reboot;
        for (var slot = 0; slot < Slots; slot++)
        {
            if (IsFitted(slot))
            {
                StartSensor(slot);
            }
        }

        _runtime.Start();
        if (_hw.Rain != null && _hw.RainInput != null)
        {
            _hw.Rain.Initialise(_hw.RainInput, _clock.UptimeMs);
            _hw.RainInput.SetHandler(_hw.Rain);
            _rainBlocks = _hw.Rain.BlocksClosed;
        }
    }

    /// <summary>One pass of the main loop: stream the accelerometer, sample what is due, send what is pending.</summary>
    public void Tick()
    {
        PollSeismic();
        PollContinuous();
        _runtime.PollSettings();
        var now = _clock.UtcNowUnixMs;
        for (var slot = 0; slot < SlotSeismic; slot++)
        {
            if (IsFitted(slot) && _schedule.TakeDue(slot, now))
            {
                Sample(slot, now);
            }
        }

        if (!_runtime.MaySend)
        {
            return;
        }

        if (_windowPending)
        {
            TrySendWindow();
        }
        else
        {
            _runtime.SendIfDue(now);
        }
    }

    /// <summary>Sends one frame of the oldest pending readings; true when it was acknowledged.</summary>
    public bool TrySend() => _runtime.TrySend();

    private void Store(int slot, int channel, long observedUnixMs, long valueMilli)
    {
        var flags = _bootFlags | (_faultSinceReading[slot] ? ReadingFlags.SensorFault : 0);
        _bootFlags = 0;
        _runtime.Append(observedUnixMs, valueMilli, flags, channel);
    }

    private void Fault(int slot, int error)
    {
        _faults[slot]++;
        _lastError[slot] = error == 0 ? -1 : error;
        _faultSinceReading[slot] = true;
    }

    private void Succeeded(int slot)
    {
        _lastError[slot] = 0;
        _faultSinceReading[slot] = false;
    }
}
