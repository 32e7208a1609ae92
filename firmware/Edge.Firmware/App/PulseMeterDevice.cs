using Edge.Firmware.Buffering;
using Edge.Firmware.Hardware;
using Edge.Firmware.Metering;

namespace Edge.Firmware.App;

/// <summary>
/// The pulse meter node: counts pulses into a persistent register and takes a reading of it every interval; its
/// <see cref="DeviceRuntime"/> keeps the readings and sends them to the gateway until they are acknowledged, every
/// reporting interval. The gateway sets both intervals on the device's config topic (<see cref="RemoteSettings"/>):
/// they apply at once and survive a reboot, and frames report the configuration in force. The main loop calls
/// <see cref="Tick"/> often (every few hundred milliseconds); nothing in the steady state allocates.
/// </summary>
public sealed class PulseMeterDevice
{
    private const string Channel = "volume";
    private const string Unit = "l";
    private const int Slot = 0;
    private readonly PulseMeterConfig _config;
    private readonly IPulseInput _input;
    private readonly IClock _clock;
    private readonly DeviceRuntime _runtime;
    private readonly DeviceState _state;
    private readonly PulseCounter _counter;
    private int _flagsSinceReading;
    private long _unsavedPulses;
    private bool _sawUnsynced;
    private long _unsyncedSkewMs;

    /// <summary>Wires the device; call <see cref="Start"/> once before <see cref="Tick"/>.</summary>
    public PulseMeterDevice(PulseMeterConfig config, IPulseInput input, IClock clock, IStorage storage, IUplink uplink)
    {
        _config = config;
        _input = input;
        _clock = clock;
        _runtime = new DeviceRuntime(config, Channel, Unit, 1, clock, storage, uplink);
        _runtime.Readings.Provision(Slot, config.ReadingIntervalSeconds);
        _state = _runtime.State;
        _counter = new PulseCounter(config.DebounceMs, config.Quadrature, config.TamperActiveHigh);
    }

    /// <summary>The gateway's configuration for this device (what is in force, applied and rejected messages).</summary>
    public RemoteSettings Settings => _runtime.Settings;

    /// <summary>Reading interval in force, seconds.</summary>
    public int SamplingSeconds => _runtime.Readings.IntervalSeconds(Slot);

    /// <summary>Reporting interval in force, seconds (0: every reading at once).</summary>
    public int ReportingSeconds => _runtime.ReportingSeconds;

    /// <summary>The cumulative register in millilitres.</summary>
    public long RegisterMl => _state.RegisterMl;

    /// <summary>Readings taken and not yet acknowledged.</summary>
    public long PendingCount => _runtime.Ring.PendingCount;

    /// <summary>The sequence number of the next reading.</summary>
    public long NextSeq => _state.NextSeq;

    /// <summary>Boots counted, this one included.</summary>
    public uint BootCount => _state.BootCount;

    /// <summary>The MQTT topic the device publishes to.</summary>
    public string Topic => _runtime.Topic;

    /// <summary>Loads the persistent state (a new device starts at zero), counts the boot and starts counting.</summary>
    public void Start()
    {
        _runtime.Start();
        _flagsSinceReading = ReadingFlags.Reboot;
        _counter.Initialise(_input, _clock.UptimeMs);
        _input.SetHandler(_counter);
    }

    /// <summary>The first sequence number of this boot: readings from it on were stamped by this boot's clock.</summary>
    public long BootFirstSeq => _runtime.BootFirstSeq;

    /// <summary>One pass of the main loop: count, read when due, send when pending.</summary>
    public void Tick()
    {
        ApplyPulses();
        WatchClock();
        _runtime.PollSettings();
        var now = _clock.UtcNowUnixMs;
        if (_runtime.Readings.TakeDue(Slot, now))
        {
            TakeReading(now);
        }

        _runtime.SendIfDue(now);
    }

    /// <summary>Takes a reading now, outside the schedule (e.g. a technician's check).</summary>
    public long TakeReading(long observedUnixMs)
    {
        ApplyPulses();
        var flags = _flagsSinceReading | _state.LatchedFlags;
        _flagsSinceReading = 0;
        return _runtime.Append(observedUnixMs, _state.RegisterMl, flags, 0);
    }

    /// <summary>Sends one frame of the oldest pending readings; true when it was acknowledged.</summary>
    public bool TrySend() => _runtime.TrySend();

    /// <summary>
    /// Measures the step the wall clock takes at its first synchronisation in this boot. While unsynced,
    /// wall time minus uptime is constant (both count the same oscillator); the change of that difference
    /// when the quality first turns synced is the offset of every reading stamped before, which frames
    /// report so the gateway can correct those readings (FRAME.md, "Clock"). The reading schedule follows
    /// the stepped clock at once, so a clock that was ahead does not stall readings until it catches up.
    /// </summary>
    private void WatchClock()
    {
        if (_runtime.HasClockStep)
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
            _runtime.SetClockStep(skew - _unsyncedSkewMs);
            _runtime.Reschedule(false);
        }
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
