using Edge.Firmware.Hardware;
using Edge.HwSim.Devices;

namespace Edge.HwSim.Sensors.Rain;

/// <summary>
/// A tipping-bucket rain gauge at the level of its reed contact (input 0 of <see cref="IPulseInput"/>): rain
/// fills the bucket at the set intensity; each time it holds one tip's worth the bucket tips, the magnet
/// passes the reed, which closes for <see cref="ClosedMs"/> with contact bounce on both edges. Time is the
/// model's uptime in ms, advanced by <see cref="AdvanceMs"/>. Ground truth: tips and their times.
/// </summary>
public sealed class TippingBucketModel : IPulseInput
{
    private readonly double _tipMm;
    private readonly ReedBounceModel _bounce;
    private readonly Random _rng;
    private readonly List<long> _tipTimes = [];
    private IPulseEdgeHandler? _handler;
    private bool _level;
    private double _bucketMm;
    private double _mmPerHour;

    /// <summary>Creates a gauge of <paramref name="tipMm"/> per tip (JMA: 0.5 mm).</summary>
    public TippingBucketModel(double tipMm, ReedBounceModel bounce, int seed = 1)
    {
        _tipMm = tipMm;
        _bounce = bounce;
        _rng = new Random(seed);
    }

    /// <summary>The model's uptime (ms).</summary>
    public long NowMs { get; private set; }

    /// <summary>How long the reed stays closed per tip (ms).</summary>
    public int ClosedMs { get; set; } = 100;

    /// <summary>Tips so far (ground truth).</summary>
    public int Tips => _tipTimes.Count;

    /// <summary>Uptime (ms) of every tip's closing.</summary>
    public IReadOnlyList<long> TipTimes => _tipTimes;

    /// <inheritdoc />
    public int InputCount => 1;

    /// <inheritdoc />
    public bool Read(int input) => input == 0 && _level;

    /// <inheritdoc />
    public void SetHandler(IPulseEdgeHandler handler) => _handler = handler;

    /// <summary>Sets the rain intensity from now on (mm/h).</summary>
    public void SetRainMmPerHour(double mmPerHour) => _mmPerHour = Math.Max(0, mmPerHour);

    /// <summary>Advances time by <paramref name="ms"/>, millisecond by millisecond, tipping as the bucket fills.</summary>
    public void AdvanceMs(long ms)
    {
        var perMs = _mmPerHour / 3_600_000.0;
        for (long i = 0; i < ms; i++)
        {
            NowMs++;
            _bucketMm += perMs;
            // The tolerance keeps a whole number of tips from arriving a millisecond late by rounding.
            if (_bucketMm >= _tipMm - 1e-9 && !_level)
            {
                _bucketMm -= _tipMm;
                _tipTimes.Add(NowMs);
                Change(true, NowMs);
                Change(false, NowMs + ClosedMs);
            }
        }
    }

    private void Change(bool level, long at)
    {
        _level = level;
        _handler?.OnEdge(0, level, at);
        var chatters = _bounce.MaxChatters > 0 ? _rng.Next(_bounce.MaxChatters + 1) : 0;
        for (var i = 0; i < chatters; i++)
        {
            var t = at + (long)(_bounce.MaxBounceMs * (i + 1) / (chatters + 1));
            _handler?.OnEdge(0, !level, t);
            _handler?.OnEdge(0, level, t);
        }
    }
}
