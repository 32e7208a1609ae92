using Edge.Firmware.Buffering;
using Edge.Firmware.Encoding;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.App;

/// <summary>
/// What every device app shares, owned by each app: the persistent state and reading ring (nothing lost across a
/// reboot, overflow flagged), the send loop (the oldest pending readings as SenML frames on <c>edge/v1/{id}/up</c>
/// until each is acknowledged, with a doubling back-off after a failure), and the gateway's settings on the config
/// topic (<see cref="RemoteSettings"/>), which set the <see cref="Readings"/> and reporting schedules at once and
/// survive a reboot; frames report the configuration in force. The app samples its own inputs into the ring and
/// decides when to poll and send. No allocation after construction.
/// </summary>
public sealed class DeviceRuntime
{
    private readonly IDeviceConfig _config;
    private readonly IClock _clock;
    private readonly IUplink _uplink;
    private readonly DeviceState _state;
    private readonly ReadingRing _ring;
    private readonly SenmlFrameEncoder _encoder;
    private readonly RemoteSettings _settings;
    private readonly ReadingSchedule _readings;
    private readonly ReportSchedule _report = new ReportSchedule();
    private readonly string _topic;
    private readonly string? _channel;
    private readonly string? _unit;
    private readonly string[]? _names;
    private readonly string[]? _units;
    private readonly long[] _seqs;
    private readonly long[] _times;
    private readonly long[] _values;
    private readonly int[] _flags;
    private readonly int[] _qualities;
    private readonly int[]? _channels;
    private long _nextSendUptimeMs;
    private int _retryMs;
    private long _bootFirstSeq;
    private bool _hasStep;
    private long _stepMs;

    /// <summary>A device with one channel: every reading is <paramref name="channel"/> in <paramref name="unit"/>.</summary>
    public DeviceRuntime(IDeviceConfig config, string channel, string unit, int slots, IClock clock, IStorage storage, IUplink uplink)
        : this(config, 64, slots, clock, storage, uplink)
    {
        _channel = channel;
        _unit = unit;
    }

    /// <summary>A device with several channels: a reading's channel number indexes <paramref name="names"/> and <paramref name="units"/>.</summary>
    public DeviceRuntime(IDeviceConfig config, string[] names, string[] units, int slots, IClock clock, IStorage storage, IUplink uplink)
        : this(config, 80, slots, clock, storage, uplink)
    {
        _names = names;
        _units = units;
        _channels = new int[config.MaxReadingsPerFrame];
    }

    private DeviceRuntime(IDeviceConfig config, int bytesPerReading, int slots, IClock clock, IStorage storage, IUplink uplink)
    {
        _config = config;
        _clock = clock;
        _uplink = uplink;
        _state = new DeviceState(storage);
        _ring = new ReadingRing(storage, _state, config.RingCapacity);
        var max = config.MaxReadingsPerFrame;
        _encoder = new SenmlFrameEncoder(config.DeviceId, new byte[96 + (max * bytesPerReading)]);
        _topic = "edge/v1/" + config.DeviceId + "/up";
        _seqs = new long[max];
        _times = new long[max];
        _values = new long[max];
        _flags = new int[max];
        _qualities = new int[max];
        _retryMs = config.MinRetryMs;
        _settings = new RemoteSettings(config.DeviceId, storage, uplink);
        _readings = new ReadingSchedule(slots);
    }

    /// <summary>The persistent counters (sequence numbers, boots, the app's register and latched flags).</summary>
    public DeviceState State => _state;

    /// <summary>The persistent reading ring.</summary>
    public ReadingRing Ring => _ring;

    /// <summary>The gateway's configuration for this device (what is in force, applied and rejected messages).</summary>
    public RemoteSettings Settings => _settings;

    /// <summary>When each slot of the app takes its next reading.</summary>
    public ReadingSchedule Readings => _readings;

    /// <summary>Reporting interval in force, seconds (0: every reading at once).</summary>
    public int ReportingSeconds => _report.IntervalSeconds;

    /// <summary>The MQTT topic of reading frames.</summary>
    public string Topic => _topic;

    /// <summary>The first sequence number of this boot: readings from it on were stamped by this boot's clock.</summary>
    public long BootFirstSeq => _bootFirstSeq;

    /// <summary>True once <see cref="SetClockStep"/> was called in this boot.</summary>
    public bool HasClockStep => _hasStep;

    /// <summary>True when no back-off holds sending.</summary>
    public bool MaySend => _clock.UptimeMs >= _nextSendUptimeMs;

    /// <summary>Loads the persistent state (a new device starts at zero), counts the boot, loads the kept settings and schedules from now.</summary>
    public void Start()
    {
        _state.Load();
        _ring.Recover();
        _state.BootCount++;
        _state.Save();
        _bootFirstSeq = _state.NextSeq;
        _settings.Start();
        Reschedule(false);
    }

    /// <summary>Takes the gateway's new settings if a message arrived; true when they changed the schedules.</summary>
    public bool PollSettings()
    {
        if (!_settings.Poll())
        {
            return false;
        }

        Reschedule(true);
        return true;
    }

    /// <summary>
    /// Sets the intervals in force (the gateway's when it set them, else the provisioned ones), scheduled from now.
    /// <paramref name="keepDue"/>: a reading already due stays due.
    /// </summary>
    public void Reschedule(bool keepDue)
    {
        var now = _clock.UtcNowUnixMs;
        var gateway = _settings.HasSettings;
        _readings.Set(gateway, _settings.SamplingSeconds, now, keepDue);
        _report.Set(gateway ? _settings.ReportingSeconds : _config.ReportingIntervalSeconds, now);
    }

    /// <summary>Records the step of the wall clock at its first synchronisation in this boot; frames report it from now on.</summary>
    public void SetClockStep(long stepMs)
    {
        _hasStep = true;
        _stepMs = stepMs;
    }

    /// <summary>Appends a reading stamped with the clock's quality now; returns its sequence number.</summary>
    public long Append(long observedUnixMs, long valueMilli, int flags, int channel) =>
        _ring.Append(observedUnixMs, valueMilli, flags, _clock.Quality, channel);

    /// <summary>Sends a frame when a report is due (the reporting schedule, or half the ring waiting) and no back-off holds it.</summary>
    public void SendIfDue(long nowMs)
    {
        if (_report.IsDue(nowMs, _ring.PendingCount, (_ring.Capacity + 1) / 2) && MaySend)
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
        if (Connect())
        {
            _encoder.SetClock(_bootFirstSeq, _clock.UtcNowUnixMs, _clock.Quality, _hasStep, _stepMs);
            if (_settings.HasSettings)
            {
                _encoder.SetSettings(_settings.Version, _settings.SamplingSeconds, _report.IntervalSeconds);
            }

            var length = _names != null
                ? _encoder.EncodeChannels(count, _seqs, _times, _values, _flags, _qualities, _channels!, _names, _units!)
                : _encoder.EncodeMilli(_channel!, _unit!, count, _seqs, _times, _values, _flags, _qualities);
            ok = Publish(_topic, _encoder.Buffer, length);
        }

        if (ok)
        {
            _ring.Acknowledge(_seqs[count - 1]);
        }

        Backoff(ok);
        return ok;
    }

    /// <summary>True when the uplink is connected or connects now.</summary>
    public bool Connect() => _uplink.IsConnected || _uplink.Connect();

    /// <summary>Publishes <paramref name="length"/> bytes (none: a failed encode) and waits for the acknowledgement; true when acknowledged.</summary>
    public bool Publish(string topic, byte[] buffer, int length) =>
        length > 0 && _uplink.Publish(topic, buffer, length, _config.PublishTimeoutMs);

    /// <summary>After a send: success clears the back-off; a failure holds sending for the retry delay, which doubles up to the longest.</summary>
    public void Backoff(bool ok)
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

    /// <summary>Lets the next send go at once, without waiting for the back-off (something urgent is pending).</summary>
    public void SendNow() => _nextSendUptimeMs = 0;
}
