using Edge.Firmware.Buffering;
using Edge.Firmware.Encoding;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.App;

/// <summary>
/// The sensor node: samples each fitted sensor on its own schedule into the persistent reading ring (the
/// <see cref="PulseMeterDevice"/> machinery: nothing lost across a reboot, overflow flagged), sends pending
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
    private readonly IUplink _uplink;
    private readonly DeviceState _state;
    private readonly ReadingRing _ring;
    private readonly SenmlFrameEncoder _encoder;
    private readonly string _topic;
    private readonly long[] _seqs;
    private readonly long[] _times;
    private readonly long[] _values;
    private readonly int[] _flags;
    private readonly int[] _qualities;
    private readonly int[] _channels;
    private readonly long[] _nextDueMs = new long[Slots];
    private readonly int[] _intervalS = new int[Slots];
    private readonly int[] _provisionedS = new int[Slots];
    private readonly RemoteSettings _settings;
    private readonly ReportSchedule _report = new ReportSchedule();
    private readonly bool[] _ready = new bool[Slots];
    private readonly int[] _faults = new int[Slots];
    private readonly int[] _lastError = new int[Slots];
    private readonly bool[] _faultSinceReading = new bool[Slots];
    private long _nextSendUptimeMs;
    private int _retryMs;
    private int _bootFlags;

    /// <summary>Wires the node; call <see cref="Start"/> once before <see cref="Tick"/>.</summary>
    public SensorNodeDevice(SensorNodeConfig config, SensorNodeHardware hardware, IClock clock, IStorage storage, IUplink uplink)
    {
        _config = config;
        _hw = hardware;
        _clock = clock;
        _uplink = uplink;
        _state = new DeviceState(storage);
        _ring = new ReadingRing(storage, _state, config.RingCapacity);
        var max = config.MaxReadingsPerFrame;
        _encoder = new SenmlFrameEncoder(config.DeviceId, new byte[96 + (max * 80)]);
        _topic = "edge/v1/" + config.DeviceId + "/up";
        _windowTopic = "edge/v1/" + config.DeviceId + "/window";
        _seqs = new long[max];
        _times = new long[max];
        _values = new long[max];
        _flags = new int[max];
        _qualities = new int[max];
        _channels = new int[max];
        _retryMs = config.MinRetryMs;
        _intervalS[SlotBmx280] = config.ClimateIntervalSeconds;
        _intervalS[SlotSht] = config.ClimateIntervalSeconds;
        _intervalS[SlotScd4x] = config.Co2IntervalSeconds;
        _intervalS[SlotPms5003] = config.ParticulateIntervalSeconds;
        _intervalS[SlotWaterLevel] = config.WaterLevelIntervalSeconds;
        for (var slot = 0; slot < Slots; slot++)
        {
            _provisionedS[slot] = _intervalS[slot];
        }

        _settings = new RemoteSettings(config.DeviceId, storage, uplink);
        InitWindow();
    }

    /// <summary>The gateway's configuration for this node (what is in force, applied and rejected messages).</summary>
    public RemoteSettings Settings => _settings;

    /// <summary>Sampling interval in force for the sensor in <paramref name="slot"/>, seconds.</summary>
    public int IntervalSeconds(int slot) => _intervalS[slot];

    /// <summary>Reporting interval in force, seconds (0: every reading at once).</summary>
    public int ReportingSeconds => _report.IntervalSeconds;

    /// <summary>Readings taken and not yet acknowledged.</summary>
    public long PendingCount => _ring.PendingCount;

    /// <summary>The sequence number of the next reading.</summary>
    public long NextSeq => _state.NextSeq;

    /// <summary>Boots counted, this one included.</summary>
    public uint BootCount => _state.BootCount;

    /// <summary>The MQTT topic of reading frames.</summary>
    public string Topic => _topic;

    /// <summary>Failures of the sensor in <paramref name="slot"/> since boot (values skipped).</summary>
    public int Faults(int slot) => _faults[slot];

    /// <summary>The last <see cref="Sensors.SensorError"/> or <see cref="Sensors.Uart.UartSensorStatus"/> of a slot (0 after a success).</summary>
    public int LastError(int slot) => _lastError[slot];

    /// <summary>True when the sensor in <paramref name="slot"/> is fitted and started.</summary>
    public bool IsReady(int slot) => _ready[slot];

    /// <summary>Loads the persistent state, counts the boot and starts the fitted sensors (a failed one is retried on its schedule).</summary>
    public void Start()
    {
        _state.Load();
        _ring.Recover();
        _state.BootCount++;
        _state.Save();
        _bootFirstSeq = _state.NextSeq;
        _bootFlags = ReadingFlags.Reboot;
        _settings.Start();
        for (var slot = 0; slot < Slots; slot++)
        {
            if (IsFitted(slot))
            {
                StartSensor(slot);
            }
        }

        ApplyIntervals(false);

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
        if (_settings.Poll())
        {
            ApplyIntervals(true);
        }

        var now = _clock.UtcNowUnixMs;
        for (var slot = 0; slot < SlotSeismic; slot++)
        {
            if (IsFitted(slot) && now >= _nextDueMs[slot])
            {
                Sample(slot, now);
                var interval = (long)(_intervalS[slot] < 1 ? 1 : _intervalS[slot]) * 1000;
                _nextDueMs[slot] = ((now / interval) + 1) * interval;
            }
        }

        if (_clock.UptimeMs < _nextSendUptimeMs)
        {
            return;
        }

        if (_windowPending)
        {
            TrySendWindow();
        }
        else if (_report.IsDue(now, _ring.PendingCount, (_ring.Capacity + 1) / 2))
        {
            TrySend();
        }
    }

    /// <summary>Sends one frame of the oldest pending readings; true when it was acknowledged.</summary>
    public bool TrySend()
    {
        var count = _ring.ReadPending(_config.MaxReadingsPerFrame, _seqs, _times, _values, _flags, _qualities, _channels);
        if (count == 0)
        {
            // Only unreadable slots are pending (torn by a power cut, or seqs a seismic window took): nothing to send.
            _ring.Acknowledge(_state.NextSeq - 1);
            return true;
        }

        var ok = false;
        if (_uplink.IsConnected || _uplink.Connect())
        {
            _encoder.SetClock(_bootFirstSeq, _clock.UtcNowUnixMs, _clock.Quality, false, 0);
            if (_settings.HasSettings)
            {
                _encoder.SetSettings(_settings.Version, _settings.SamplingSeconds, _report.IntervalSeconds);
            }

            var length = _encoder.EncodeChannels(count, _seqs, _times, _values, _flags, _qualities, _channels, SensorNodeChannels.Names, SensorNodeChannels.Units);
            ok = length > 0 && _uplink.Publish(_topic, _encoder.Buffer, length, _config.PublishTimeoutMs);
        }

        if (ok)
        {
            _ring.Acknowledge(_seqs[count - 1]);
        }

        Backoff(ok);
        return ok;
    }

    // The intervals in force (the gateway's sampling for every scheduled sensor when it set one), scheduled from now.
    // keepDue: a sensor already due stays due (settings arriving in the tick it falls due must not skip its reading).
    private void ApplyIntervals(bool keepDue)
    {
        var now = _clock.UtcNowUnixMs;
        for (var slot = 0; slot < Slots; slot++)
        {
            _intervalS[slot] = _settings.HasSettings ? _settings.SamplingSeconds : _provisionedS[slot];
            var interval = (long)(_intervalS[slot] < 1 ? 1 : _intervalS[slot]) * 1000;
            if (!keepDue || now < _nextDueMs[slot])
            {
                _nextDueMs[slot] = ((now / interval) + 1) * interval;
            }
        }

        _report.Set(_settings.HasSettings ? _settings.ReportingSeconds : _config.ReportingIntervalSeconds, now);
    }

    private void Backoff(bool ok)
    {
        if (ok)
        {
            _retryMs = _config.MinRetryMs;
            _nextSendUptimeMs = 0;
        }
        else
        {
            _nextSendUptimeMs = _clock.UptimeMs + _retryMs;
            _retryMs = _retryMs >= _config.MaxRetryMs / 2 ? _config.MaxRetryMs : _retryMs * 2;
        }
    }

    private void Store(int slot, int channel, long observedUnixMs, long valueMilli)
    {
        var flags = _bootFlags | (_faultSinceReading[slot] ? ReadingFlags.SensorFault : 0);
        _bootFlags = 0;
        _ring.Append(observedUnixMs, valueMilli, flags, _clock.Quality, channel);
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
