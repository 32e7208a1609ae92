using Edge.Firmware.Buffering;
using Edge.Firmware.Encoding;
using Edge.Firmware.Hardware;
using Edge.Firmware.Metering;

namespace Edge.Firmware.App;

/// <summary>
/// The pulse meter node: counts pulses into a persistent register, takes a reading every interval into
/// the persistent ring, and sends pending readings to the gateway until they are acknowledged, every reporting
/// interval. The gateway sets both intervals on the device's config topic (<see cref="RemoteSettings"/>): they apply
/// at once and survive a reboot, and frames report the configuration in force. The main loop calls <see cref="Tick"/> often (every few hundred milliseconds); nothing in the steady
/// state allocates.
/// </summary>
public sealed class PulseMeterDevice
{
    private const string Channel = "volume";
    private const string Unit = "l";
    private readonly PulseMeterConfig _config;
    private readonly IPulseInput _input;
    private readonly IClock _clock;
    private readonly IUplink _uplink;
    private readonly DeviceState _state;
    private readonly ReadingRing _ring;
    private readonly PulseCounter _counter;
    private readonly SenmlFrameEncoder _encoder;
    private readonly string _topic;
    private readonly long[] _seqs;
    private readonly long[] _times;
    private readonly long[] _values;
    private readonly int[] _flags;
    private readonly int[] _qualities;
    private readonly RemoteSettings _settings;
    private readonly ReportSchedule _report = new ReportSchedule();
    private int _samplingS;
    private long _nextReadingMs;
    private long _nextSendUptimeMs;
    private int _retryMs;
    private int _flagsSinceReading;
    private long _unsavedPulses;
    private long _bootFirstSeq;
    private bool _sawUnsynced;
    private long _unsyncedSkewMs;
    private bool _hasStep;
    private long _stepMs;

    /// <summary>Wires the device; call <see cref="Start"/> once before <see cref="Tick"/>.</summary>
    public PulseMeterDevice(PulseMeterConfig config, IPulseInput input, IClock clock, IStorage storage, IUplink uplink)
    {
        _config = config;
        _input = input;
        _clock = clock;
        _uplink = uplink;
        _state = new DeviceState(storage);
        _ring = new ReadingRing(storage, _state, config.RingCapacity);
        _counter = new PulseCounter(config.DebounceMs, config.Quadrature, config.TamperActiveHigh);
        var max = config.MaxReadingsPerFrame;
        _encoder = new SenmlFrameEncoder(config.DeviceId, new byte[96 + (max * 64)]);
        _topic = "edge/v1/" + config.DeviceId + "/up";
        _seqs = new long[max];
        _times = new long[max];
        _values = new long[max];
        _flags = new int[max];
        _qualities = new int[max];
        _retryMs = config.MinRetryMs;
        _settings = new RemoteSettings(config.DeviceId, storage, uplink);
        _samplingS = config.ReadingIntervalSeconds;
    }

    /// <summary>The gateway's configuration for this device (what is in force, applied and rejected messages).</summary>
    public RemoteSettings Settings => _settings;

    /// <summary>Reading interval in force, seconds.</summary>
    public int SamplingSeconds => _samplingS;

    /// <summary>Reporting interval in force, seconds (0: every reading at once).</summary>
    public int ReportingSeconds => _report.IntervalSeconds;

    /// <summary>The cumulative register in millilitres.</summary>
    public long RegisterMl => _state.RegisterMl;

    /// <summary>Readings taken and not yet acknowledged.</summary>
    public long PendingCount => _ring.PendingCount;

    /// <summary>The sequence number of the next reading.</summary>
    public long NextSeq => _state.NextSeq;

    /// <summary>Boots counted, this one included.</summary>
    public uint BootCount => _state.BootCount;

    /// <summary>The MQTT topic the device publishes to.</summary>
    public string Topic => _topic;

    /// <summary>Loads the persistent state (a new device starts at zero), counts the boot and starts counting.</summary>
    public void Start()
    {
        _state.Load();
        _ring.Recover();
        _state.BootCount++;
        _state.Save();
        _bootFirstSeq = _state.NextSeq;
        _flagsSinceReading = ReadingFlags.Reboot;
        _settings.Start();
        ApplyIntervals(false);
        _counter.Initialise(_input, _clock.UptimeMs);
        _input.SetHandler(_counter);
    }

    /// <summary>The first sequence number of this boot: readings from it on were stamped by this boot's clock.</summary>
    public long BootFirstSeq => _bootFirstSeq;

    /// <summary>One pass of the main loop: count, read when due, send when pending.</summary>
    public void Tick()
    {
        ApplyPulses();
        WatchClock();
        if (_settings.Poll())
        {
            ApplyIntervals(true);
        }

        var now = _clock.UtcNowUnixMs;
        if (now >= _nextReadingMs)
        {
            TakeReading(now);
            var interval = (long)_samplingS * 1000;
            _nextReadingMs = ((now / interval) + 1) * interval;
        }

        if (_report.IsDue(now, _ring.PendingCount, (_ring.Capacity + 1) / 2) && _clock.UptimeMs >= _nextSendUptimeMs)
        {
            TrySend();
        }
    }

    /// <summary>Takes a reading now, outside the schedule (e.g. a technician's check).</summary>
    public long TakeReading(long observedUnixMs)
    {
        ApplyPulses();
        var flags = _flagsSinceReading | _state.LatchedFlags;
        _flagsSinceReading = 0;
        return _ring.Append(observedUnixMs, _state.RegisterMl, flags, _clock.Quality);
    }

    /// <summary>Sends one frame of the oldest pending readings; true when it was acknowledged.</summary>
    public bool TrySend()
    {
        var count = _ring.ReadPending(_config.MaxReadingsPerFrame, _seqs, _times, _values, _flags, _qualities);
        var ok = false;
        if (count > 0 && (_uplink.IsConnected || _uplink.Connect()))
        {
            _encoder.SetClock(_bootFirstSeq, _clock.UtcNowUnixMs, _clock.Quality, _hasStep, _stepMs);
            if (_settings.HasSettings)
            {
                _encoder.SetSettings(_settings.Version, _samplingS, _report.IntervalSeconds);
            }

            var length = _encoder.EncodeMilli(Channel, Unit, count, _seqs, _times, _values, _flags, _qualities);
            ok = length > 0 && _uplink.Publish(_topic, _encoder.Buffer, length, _config.PublishTimeoutMs);
        }

        if (ok)
        {
            _ring.Acknowledge(_seqs[count - 1]);
            _retryMs = _config.MinRetryMs;
            _nextSendUptimeMs = 0;
        }
        else
        {
            _nextSendUptimeMs = _clock.UptimeMs + _retryMs;
            _retryMs = _retryMs >= _config.MaxRetryMs / 2 ? _config.MaxRetryMs : _retryMs * 2;
        }

        return ok;
    }

    /// <summary>
    /// Measures the step the wall clock takes at its first synchronisation in this boot. While unsynced,
    /// wall time minus uptime is constant (both count the same oscillator); the change of that difference
    /// when the quality first turns synced is the offset of every reading stamped before, which frames
    /// report so the gateway can correct those readings (FRAME.md, "Clock"). The reading schedule follows
    /// the stepped clock at once, so a clock that was ahead does not stall readings until it catches up.
    /// </summary>
    private void WatchClock()
    {
        if (_hasStep)
        {
            return;
        }

        var skew = _clock.UtcNowUnixMs - _clock.UptimeMs;
        if (_clock.Quality == ClockQualities.RtcUnsynced)
        {
            _sawUnsynced = true;
            _unsyncedSkewMs = skew;
        }
        else if (_sawUnsynced)
        {
            _hasStep = true;
            _stepMs = skew - _unsyncedSkewMs;
            ApplyIntervals(false);
        }
    }

    // The intervals in force (the gateway's when it set them, else the provisioned ones), scheduled from now.
    // keepDue: a reading already due stays due (settings arriving in the tick a reading falls due must not skip it).
    private void ApplyIntervals(bool keepDue)
    {
        _samplingS = _settings.HasSettings ? _settings.SamplingSeconds : _config.ReadingIntervalSeconds;
        var now = _clock.UtcNowUnixMs;
        var interval = (long)_samplingS * 1000;
        if (!keepDue || now < _nextReadingMs)
        {
            _nextReadingMs = ((now / interval) + 1) * interval;
        }

        _report.Set(_settings.HasSettings ? _settings.ReportingSeconds : _config.ReportingIntervalSeconds, now);
    }

    private void ApplyPulses()
    {
        _counter.Poll(_clock.UptimeMs);
        _counter.Take(out var forward, out var reverse, out var tamper);
        if (tamper)
        {
            _state.LatchedFlags |= ReadingFlags.Tamper;
        }

        if (reverse > 0)
        {
            _flagsSinceReading |= ReadingFlags.Reverse;
        }

        if (forward + reverse == 0 && !tamper)
        {
            return;
        }

        _state.RegisterMl += (forward - reverse) * _config.MillilitresPerPulse;
        _unsavedPulses += forward + reverse;

        // A latched tamper flag is persisted at once; pulses every PersistEveryPulses.
        if (tamper || _unsavedPulses >= _config.PersistEveryPulses)
        {
            _state.Save();
            _unsavedPulses = 0;
        }
    }
}
