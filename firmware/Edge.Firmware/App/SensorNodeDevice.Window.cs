using Edge.Firmware.Encoding;
using Edge.Firmware.Sensors.Seismic;

namespace Edge.Firmware.App;

/// <summary>
/// Seismic windows: the 100 Hz stream feeds the trigger; a captured window is copied out (the trigger re-arms at
/// once), given a sequence number of the device and sent in chunks on <c>edge/v1/{id}/window</c>
/// (firmware/FRAME.md, "Seismic window"). Any failed chunk restarts the window from its first chunk after the
/// back-off; the window is dropped only when its last chunk was acknowledged (the gateway acknowledges the last
/// chunk after it stored the intensity). A window captured while one is still being sent waits in the trigger.
/// </summary>
public sealed partial class SensorNodeDevice
{
    private const int WindowRateHz = 100;
    private readonly string _windowTopic;
    private SeismicWindowEncoder? _windowEncoder;
    private int[]? _wx;
    private int[]? _wy;
    private int[]? _wz;
    private bool _windowPending;
    private long _windowSeq;
    private long _windowStartMs;
    private int _windowQuality;
    private int _windowLength;
    private int _windowTrigger;
    private int _windowOffset;

    // Uptime when the accelerometer may be started again after it failed (its own clock: the reading schedule is on
    // wall time and is reset whenever the intervals change).
    private long _seismicRetryAtMs;

    /// <summary>True while a captured window waits to be acknowledged.</summary>
    public bool WindowPending => _windowPending;

    /// <summary>Sequence number of the last captured window (0: none yet).</summary>
    public long WindowSeq => _windowSeq;

    /// <summary>Windows acknowledged by the gateway since boot.</summary>
    public int WindowsSent { get; private set; }

    /// <summary>The MQTT topic of seismic windows.</summary>
    public string WindowTopic => _windowTopic;

    private void InitWindow()
    {
        var trigger = _hw.Trigger;
        if (trigger == null || _hw.Seismic == null)
        {
            return;
        }

        // A window is at most the trigger's pre + post samples: copy buffers of that size, allocated once.
        var capacity = trigger.Capacity;
        _wx = new int[capacity];
        _wy = new int[capacity];
        _wz = new int[capacity];
        _windowEncoder = new SeismicWindowEncoder(_config.DeviceId, _config.WindowChunkSamples);
    }

    private void PollSeismic()
    {
        var sampler = _hw.Seismic;
        var trigger = _hw.Trigger;
        if (sampler == null || trigger == null)
        {
            return;
        }

        if (!_ready[SlotSeismic])
        {
            // Retried at most once a second.
            if (_clock.UptimeMs < _seismicRetryAtMs)
            {
                return;
            }

            _seismicRetryAtMs = _clock.UptimeMs + 1000;
            StartSensor(SlotSeismic);
            if (!_ready[SlotSeismic])
            {
                return;
            }
        }

        var status = sampler.Poll();
        if (status == Adxl355Status.BusError || status == Adxl355Status.Stuck)
        {
            Fault(SlotSeismic, status);
        }

        if (!trigger.WindowReady || _windowPending)
        {
            return;
        }

        trigger.CopyWindow(_wx!, _wy!, _wz!);
        _windowLength = trigger.WindowLength;
        _windowTrigger = trigger.TriggerIndex;

        // The newest sample is now; the window's first sample was (samples since it) × 10 ms earlier.
        var first = trigger.TriggerSample - trigger.TriggerIndex;
        _windowStartMs = _clock.UtcNowUnixMs - ((trigger.Samples - 1 - first) * (1000 / WindowRateHz));
        _windowQuality = _clock.Quality;
        trigger.Rearm();
        _windowSeq = _runtime.Ring.ReserveSeq();
        _windowOffset = 0;
        _windowPending = true;
        _runtime.SendNow();
    }

    /// <summary>Sends the next chunk of the pending window; true when the whole window was acknowledged.</summary>
    public bool TrySendWindow()
    {
        if (!_windowPending)
        {
            return false;
        }

        var count = _windowLength - _windowOffset;
        if (count > _config.WindowChunkSamples)
        {
            count = _config.WindowChunkSamples;
        }

        var ok = false;
        if (_runtime.Connect())
        {
            var lsbPerG = _hw.Accelerometer != null ? _hw.Accelerometer.LsbPerG : 256000;
            var length = _windowEncoder!.Encode(
                _windowSeq, _windowStartMs, _windowQuality, WindowRateHz, lsbPerG, _windowLength, _windowTrigger, _windowOffset, count, _wx!, _wy!, _wz!);
            ok = _runtime.Publish(_windowTopic, _windowEncoder.Buffer, length);
        }

        if (!ok)
        {
            // The gateway keeps the chunks in memory only: start again from the first.
            _windowOffset = 0;
            _runtime.Backoff(false);
            return false;
        }

        _runtime.Backoff(true);
        _windowOffset += count;
        if (_windowOffset < _windowLength)
        {
            return false;
        }

        _windowPending = false;
        WindowsSent++;
        return true;
    }
}
