using Edge.Firmware.Hardware;

namespace Edge.Firmware.Sensors.Rain;

/// <summary>
/// Tipping-bucket rain gauge on input 0 of an <see cref="IPulseInput"/>: a reed closes once per bucket tip
/// (0.5 mm by default, JMA's gauges), debounced like the pulse counter (a level counts once it has held for
/// the debounce time). Rainfall is kept the way JMA reports it: per 10-minute block on wall-clock
/// boundaries (:00, :10, …) and per hour as the sum of the last six blocks, both updated every 10 minutes.
/// </summary>
/// <remarks>
/// Edges come stamped with uptime (possibly from an interrupt thread); <see cref="Poll"/> (main loop, at
/// least once a minute) settles the debounce and places each tip in its block by wall time = tip uptime +
/// (wall − uptime at the poll). Amounts are integers in µm (0.5 mm = 500 µm). No allocation after construction.
/// </remarks>
public sealed class RainGauge : IPulseEdgeHandler
{
    /// <summary>JMA's block (ms).</summary>
    public const long BlockMs = 10 * 60 * 1000;

    /// <summary>Blocks in an hour.</summary>
    public const int BlocksPerHour = 6;

    private const int MaxPendingTips = 64;

    private readonly object _sync = new object();
    private readonly long[] _pending = new long[MaxPendingTips];
    private readonly int[] _blocks = new int[BlocksPerHour];
    private readonly int _tipMicrometres;
    private readonly int _debounceMs;
    private bool _raw;
    private bool _stable;
    private long _lastChange;
    private int _pendingCount;
    private long _blockStart = -1;
    private int _current;
    private int _closed;

    /// <summary>Creates a gauge.</summary>
    /// <param name="tipMicrometres">Rain per tip (500 µm = 0.5 mm; 200 and 254 are common elsewhere).</param>
    /// <param name="debounceMs">How long the reed must hold a level to count (10-50 ms; a tip closes it ~100 ms).</param>
    public RainGauge(int tipMicrometres, int debounceMs)
    {
        _tipMicrometres = tipMicrometres > 0 ? tipMicrometres : 500;
        _debounceMs = debounceMs < 0 ? 0 : debounceMs;
    }

    /// <summary>Tips counted since start.</summary>
    public long Tips { get; private set; }

    /// <summary>Tips that could not be placed by time (more than 64 between polls); counted in the current block.</summary>
    public long LateTips { get; private set; }

    /// <summary>Blocks closed since start: a new value appears each time it grows.</summary>
    public long BlocksClosed { get; private set; }

    /// <summary>Wall time (Unix ms) at which the last closed block ended; 0 before the first.</summary>
    public long LastBlockEndUnixMs { get; private set; }

    /// <summary>Rain in the last closed 10-minute block (µm).</summary>
    public int Last10MinMicrometres { get; private set; }

    /// <summary>Rain in the last six closed blocks (µm): JMA's 前1時間降水量.</summary>
    public int LastHourMicrometres { get; private set; }

    /// <summary>True when the hour covers six whole blocks observed from their start.</summary>
    public bool HourComplete => _closed >= BlocksPerHour;

    /// <summary>Rain so far in the open block (µm).</summary>
    public int CurrentBlockMicrometres => _current * _tipMicrometres;

    /// <summary>Sets the initial level without counting.</summary>
    public void Initialise(IPulseInput input, long uptimeMs)
    {
        lock (_sync)
        {
            _raw = input.Read(0);
            _stable = _raw;
            _lastChange = uptimeMs;
        }
    }

    /// <inheritdoc />
    public void OnEdge(int input, bool high, long uptimeMs)
    {
        if (input != 0)
        {
            return;
        }

        lock (_sync)
        {
            Settle(uptimeMs);
            if (_raw != high)
            {
                _raw = high;
                _lastChange = uptimeMs;
            }
        }
    }

    /// <summary>Settles the debounce, places the tips, closes the blocks that ended by <paramref name="nowUnixMs"/>.</summary>
    public void Poll(long uptimeMs, long nowUnixMs)
    {
        lock (_sync)
        {
            Settle(uptimeMs);
            var offset = nowUnixMs - uptimeMs;
            for (var i = 0; i < _pendingCount; i++)
            {
                AdvanceTo(_pending[i] + offset);
                _current++;
            }

            _pendingCount = 0;
            AdvanceTo(nowUnixMs);
        }
    }

    private void Settle(long now)
    {
        if (_raw != _stable && _lastChange + _debounceMs <= now)
        {
            _stable = _raw;
            if (_stable)
            {
                Tips++;
                if (_pendingCount < MaxPendingTips)
                {
                    _pending[_pendingCount++] = _lastChange + _debounceMs;
                }
                else
                {
                    LateTips++;
                    _current++;
                }
            }
        }
    }

    private void AdvanceTo(long unixMs)
    {
        if (_blockStart < 0)
        {
            // The first block is partial: it is reported but does not count towards a complete hour.
            _blockStart = unixMs - (((unixMs % BlockMs) + BlockMs) % BlockMs);
            _closed = -1;
        }

        while (unixMs >= _blockStart + BlockMs)
        {
            for (var i = BlocksPerHour - 1; i > 0; i--)
            {
                _blocks[i] = _blocks[i - 1];
            }

            _blocks[0] = _current;
            _current = 0;
            _blockStart += BlockMs;
            _closed++;
            BlocksClosed++;
            LastBlockEndUnixMs = _blockStart;
            var hour = 0;
            for (var i = 0; i < BlocksPerHour; i++)
            {
                hour += _blocks[i];
            }

            Last10MinMicrometres = _blocks[0] * _tipMicrometres;
            LastHourMicrometres = hour * _tipMicrometres;
        }
    }
}
