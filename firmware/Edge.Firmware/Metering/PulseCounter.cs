using Edge.Firmware.Hardware;

namespace Edge.Firmware.Metering;

/// <summary>
/// Debounces raw reed and tamper edges and counts pulses with direction.
/// </summary>
/// <remarks>
/// A level is accepted once it has held for the debounce time: contact bounce and short glitches never
/// count. With two reeds in quadrature, A closing while B is open is forward flow, A closing while B is
/// closed is reverse flow (B leads A when the register turns backwards). Edges may arrive from an
/// interrupt thread; <see cref="Poll"/> comes from the main loop. No allocation after construction.
/// </remarks>
public sealed class PulseCounter : IPulseEdgeHandler
{
    private readonly object _sync = new object();
    private readonly bool[] _raw = new bool[PulseInputs.Count];
    private readonly bool[] _stable = new bool[PulseInputs.Count];
    private readonly long[] _lastChange = new long[PulseInputs.Count];
    private readonly int _debounceMs;
    private readonly bool _quadrature;
    private readonly bool _tamperActiveHigh;
    private long _forward;
    private long _reverse;
    private bool _tamperSeen;

    /// <summary>Creates a counter.</summary>
    /// <param name="debounceMs">How long a level must hold to count (reed switches: 5-20 ms).</param>
    /// <param name="quadrature">True when reed B is wired for direction; false counts every A closing forward.</param>
    /// <param name="tamperActiveHigh">Level of the tamper input that means "tampered".</param>
    public PulseCounter(int debounceMs, bool quadrature, bool tamperActiveHigh)
    {
        _debounceMs = debounceMs < 0 ? 0 : debounceMs;
        _quadrature = quadrature;
        _tamperActiveHigh = tamperActiveHigh;
    }

    /// <summary>Sets the initial levels (read from the inputs at start) without counting anything.</summary>
    public void Initialise(IPulseInput input, long uptimeMs)
    {
        lock (_sync)
        {
            var n = input.InputCount < PulseInputs.Count ? input.InputCount : PulseInputs.Count;
            for (var i = 0; i < n; i++)
            {
                var level = input.Read(i);
                _raw[i] = level;
                _stable[i] = level;
                _lastChange[i] = uptimeMs;
            }
        }
    }

    /// <inheritdoc />
    public void OnEdge(int input, bool high, long uptimeMs)
    {
        if (input < 0 || input >= PulseInputs.Count)
        {
            return;
        }

        lock (_sync)
        {
            SettleAll(uptimeMs);
            if (_raw[input] != high)
            {
                _raw[input] = high;
                _lastChange[input] = uptimeMs;
            }
        }
    }

    /// <summary>Accepts every level that has been stable long enough by <paramref name="uptimeMs"/>.</summary>
    public void Poll(long uptimeMs)
    {
        lock (_sync)
        {
            SettleAll(uptimeMs);
        }
    }

    /// <summary>Takes the pulses counted since the last call: forward and reverse, separately.</summary>
    public void Take(out long forward, out long reverse, out bool tamper)
    {
        lock (_sync)
        {
            forward = _forward;
            reverse = _reverse;
            tamper = _tamperSeen;
            _forward = 0;
            _reverse = 0;
            _tamperSeen = false;
        }
    }

    // Accept pending levels in the order they became stable, so that B's change a quarter turn after
    // A's closing is not seen before A's closing is counted.
    private void SettleAll(long now)
    {
        while (true)
        {
            var next = -1;
            long nextAt = 0;
            for (var i = 0; i < PulseInputs.Count; i++)
            {
                if (_raw[i] != _stable[i])
                {
                    var at = _lastChange[i] + _debounceMs;
                    if (at <= now && (next < 0 || at < nextAt))
                    {
                        next = i;
                        nextAt = at;
                    }
                }
            }

            if (next < 0)
            {
                return;
            }

            _stable[next] = _raw[next];
            OnStableChange(next, _stable[next]);
        }
    }

    private void OnStableChange(int input, bool level)
    {
        if (input == PulseInputs.ReedA && level)
        {
            if (_quadrature && _stable[PulseInputs.ReedB])
            {
                _reverse++;
            }
            else
            {
                _forward++;
            }
        }
        else if (input == PulseInputs.Tamper && level == _tamperActiveHigh)
        {
            _tamperSeen = true;
        }
    }
}
