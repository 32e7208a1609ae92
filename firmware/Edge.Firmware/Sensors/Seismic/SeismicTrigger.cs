namespace Edge.Firmware.Sensors.Seismic;

/// <summary>
/// Event trigger and capture for a 3-axis sample stream (LSB): a pre-trigger ring buffer, an STA/LTA
/// trigger on the energy of the DC-free signal and an optional absolute threshold; on a trigger it keeps
/// recording <c>post</c> samples, then holds the window (pre + post samples, oldest first) until
/// <see cref="Rearm"/>. All arrays are allocated in the constructor; <see cref="Add"/> allocates nothing.
/// </summary>
/// <remarks>
/// Characteristic function cf = dx² + dy² + dz², d = sample − running mean (time constant of the LTA, so
/// gravity and drift drop out); STA and LTA are exponential averages of cf over their lengths; the mean
/// and the LTA are frozen from the trigger until <see cref="Rearm"/> (the event must not raise its own
/// reference, nor shift the mean so that its end looks like a new event). STA/LTA fires only after
/// one LTA length of warm-up, and again only after the ratio has fallen under the off ratio.
/// </remarks>
public sealed class SeismicTrigger
{
    /// <summary>No event.</summary>
    public const int ReasonNone = 0;

    /// <summary>STA/LTA reached the on ratio.</summary>
    public const int ReasonStaLta = 1;

    /// <summary>An axis passed the absolute threshold.</summary>
    public const int ReasonThreshold = 2;

    private const int StateArmed = 0;
    private const int StateRecording = 1;
    private const int StateReady = 2;

    private readonly int[] _x;
    private readonly int[] _y;
    private readonly int[] _z;
    private readonly int _capacity;
    private readonly int _pre;
    private readonly int _post;
    private readonly int _staSamples;
    private readonly int _ltaSamples;
    private readonly double _onRatio;
    private readonly double _offRatio;
    private readonly int _thresholdLsb;
    private int _head;
    private int _filled;
    private int _state;
    private int _recorded;
    private long _samples;
    private double _mx;
    private double _my;
    private double _mz;
    private double _sta;
    private double _lta;
    private bool _quietSinceTrigger = true;

    /// <summary>Creates a trigger.</summary>
    /// <param name="preSamples">Samples kept before the trigger (e.g. 1,000 = 10 s at 100 Hz).</param>
    /// <param name="postSamples">Samples recorded from the trigger on (e.g. 5,000 = 50 s).</param>
    /// <param name="staSamples">STA length (e.g. 100 = 1 s).</param>
    /// <param name="ltaSamples">LTA length (e.g. 3,000 = 30 s).</param>
    /// <param name="onRatio">STA/LTA that triggers (e.g. 3.0); 0 disables STA/LTA.</param>
    /// <param name="offRatio">STA/LTA under which a new trigger is allowed again (e.g. 1.5).</param>
    /// <param name="thresholdLsb">|d| on any axis that triggers at once (LSB); 0 disables.</param>
    public SeismicTrigger(int preSamples, int postSamples, int staSamples, int ltaSamples, double onRatio, double offRatio, int thresholdLsb)
    {
        _pre = preSamples < 0 ? 0 : preSamples;
        _post = postSamples < 1 ? 1 : postSamples;
        _capacity = _pre + _post;
        _x = new int[_capacity];
        _y = new int[_capacity];
        _z = new int[_capacity];
        _staSamples = staSamples < 1 ? 1 : staSamples;
        _ltaSamples = ltaSamples < _staSamples ? _staSamples : ltaSamples;
        _onRatio = onRatio;
        _offRatio = offRatio;
        _thresholdLsb = thresholdLsb;
    }

    /// <summary>True when a captured window waits for <see cref="CopyWindow"/> and <see cref="Rearm"/>.</summary>
    public bool WindowReady => _state == StateReady;

    /// <summary>True while recording the samples after a trigger.</summary>
    public bool Recording => _state == StateRecording;

    /// <summary>Samples in the ready window (pre samples available at the trigger + post).</summary>
    public int WindowLength { get; private set; }

    /// <summary>Index in the window of the sample that triggered.</summary>
    public int TriggerIndex { get; private set; }

    /// <summary>Number (0-based, since construction) of the sample that triggered.</summary>
    public long TriggerSample { get; private set; }

    /// <summary>Why the last event triggered: <see cref="ReasonStaLta"/> or <see cref="ReasonThreshold"/>.</summary>
    public int TriggerReason { get; private set; }

    /// <summary>Highest STA/LTA seen while the last event recorded.</summary>
    public double PeakRatio { get; private set; }

    /// <summary>The current STA/LTA (0 before the LTA has warmed up).</summary>
    public double Ratio => _samples >= _ltaSamples && _lta > 0 ? _sta / _lta : 0;

    /// <summary>Pre + post samples: the longest window.</summary>
    public int Capacity => _capacity;

    /// <summary>Samples seen since construction.</summary>
    public long Samples => _samples;

    /// <summary>Adds one sample; returns true when it completed a window.</summary>
    public bool Add(int x, int y, int z)
    {
        if (_samples == 0)
        {
            _mx = x;
            _my = y;
            _mz = z;
        }

        var dx = x - _mx;
        var dy = y - _my;
        var dz = z - _mz;
        var cf = (dx * dx) + (dy * dy) + (dz * dz);
        if (_state == StateArmed)
        {
            _mx += dx / _ltaSamples;
            _my += dy / _ltaSamples;
            _mz += dz / _ltaSamples;
            _lta += (cf - _lta) / (_samples < _ltaSamples ? _samples + 1 : _ltaSamples);
        }

        _sta += (cf - _sta) / (_samples < _staSamples ? _samples + 1 : _staSamples);
        _samples++;
        var ratio = Ratio;
        if (ratio < _offRatio)
        {
            _quietSinceTrigger = true;
        }

        if (_state != StateReady)
        {
            _x[_head] = x;
            _y[_head] = y;
            _z[_head] = z;
            _head = _head + 1 == _capacity ? 0 : _head + 1;
            if (_filled < _capacity)
            {
                _filled++;
            }
        }

        if (_state == StateArmed)
        {
            var reason = ReasonNone;
            if (_onRatio > 0 && _quietSinceTrigger && ratio >= _onRatio)
            {
                reason = ReasonStaLta;
            }
            else if (_thresholdLsb > 0 && _samples > _staSamples && (Abs(dx) >= _thresholdLsb || Abs(dy) >= _thresholdLsb || Abs(dz) >= _thresholdLsb))
            {
                reason = ReasonThreshold;
            }

            if (reason != ReasonNone)
            {
                // The trigger sample is the first of the post samples.
                var preAvailable = _filled - 1 < _pre ? _filled - 1 : _pre;
                TriggerIndex = preAvailable;
                WindowLength = preAvailable + _post;
                TriggerSample = _samples - 1;
                TriggerReason = reason;
                PeakRatio = ratio;
                _quietSinceTrigger = false;
                _recorded = 1;
                _state = StateRecording;
            }
        }
        else if (_state == StateRecording)
        {
            _recorded++;
        }

        if (_state == StateRecording)
        {
            if (ratio > PeakRatio)
            {
                PeakRatio = ratio;
            }

            if (_recorded >= _post)
            {
                _state = StateReady;
                return true;
            }
        }

        return false;
    }

    /// <summary>Copies the ready window, oldest first, into the arrays (at least <see cref="WindowLength"/> long); false when none is ready.</summary>
    public bool CopyWindow(int[] x, int[] y, int[] z)
    {
        if (_state != StateReady)
        {
            return false;
        }

        var start = _head - WindowLength;
        if (start < 0)
        {
            start += _capacity;
        }

        for (var i = 0; i < WindowLength; i++)
        {
            var j = start + i;
            if (j >= _capacity)
            {
                j -= _capacity;
            }

            x[i] = _x[j];
            y[i] = _y[j];
            z[i] = _z[j];
        }

        return true;
    }

    /// <summary>Releases the window: the ring starts filling again (its pre-trigger part from now on).</summary>
    public void Rearm()
    {
        if (_state == StateReady)
        {
            _state = StateArmed;
            _filled = 0;
        }
    }

    private static double Abs(double v) => v < 0 ? -v : v;
}
