using Edge.Firmware.Hardware;
using Edge.Firmware.Metering;

namespace Edge.HwSim.Devices;

/// <summary>
/// A pulse-output water meter at the level of its contacts: a magnet on the register turns past two reed
/// switches a quarter turn apart, one turn per pulse. Water drawn by the household model turns the
/// register; every quarter turn changes one reed's level, with contact bounce. The firmware sees only
/// raw edges through <see cref="IPulseInput"/>; the simulator keeps the ground truth (pulses emitted).
/// </summary>
public sealed class SimulatedPulseMeter : IPulseInput
{
    private readonly double _litresPerPulse;
    private readonly ReedBounceModel _bounce;
    private readonly Random _rng;
    private readonly bool[] _levels = new bool[PulseInputs.Count];
    private readonly List<long> _pulseTimes = [];
    private IPulseEdgeHandler? _handler;
    private long _quarterSteps;
    private double _litres;

    /// <summary>Creates a meter with <paramref name="litresPerPulse"/> litres per turn.</summary>
    public SimulatedPulseMeter(double litresPerPulse, ReedBounceModel bounce, int seed)
    {
        _litresPerPulse = litresPerPulse;
        _bounce = bounce;
        _rng = new Random(seed);
        _levels[PulseInputs.ReedA] = true;
    }

    /// <inheritdoc />
    public int InputCount => PulseInputs.Count;

    /// <summary>Ground truth: litres that flowed through the meter (forward minus reverse).</summary>
    public double TrueLitres => _litres;

    /// <summary>Ground truth: pulses emitted (reed A closings, net of reverse).</summary>
    public long PulsesEmitted => _pulseTimes.Count;

    /// <summary>Wall time (Unix ms) of the time base that edges are stamped against (the device's boot).</summary>
    public long UptimeOriginUnixMs { get; set; }

    /// <inheritdoc />
    public bool Read(int input) => _levels[input];

    /// <inheritdoc />
    public void SetHandler(IPulseEdgeHandler handler) => _handler = handler;

    /// <summary>Pulses whose reed A closing happened before <paramref name="unixMs"/> (ground truth).</summary>
    public long PulsesBefore(long unixMs)
    {
        var index = _pulseTimes.BinarySearch(unixMs);
        return index >= 0 ? index : ~index;
    }

    /// <summary>Flows <paramref name="litres"/> through the meter at a constant rate from <paramref name="startUnixMs"/> over <paramref name="durationMs"/>.</summary>
    public void Flow(long startUnixMs, long durationMs, double litres)
    {
        if (litres <= 0 || durationMs <= 0)
        {
            return;
        }

        var startLitres = _litres;
        _litres += litres;
        var stepLitres = _litresPerPulse / 4;
        while (true)
        {
            var nextStep = _quarterSteps + 1;
            var stepAt = nextStep * stepLitres;
            if (stepAt > _litres + 1e-9)
            {
                break;
            }

            var fraction = (stepAt - startLitres) / litres;
            var t = startUnixMs + (long)Math.Round(fraction * durationMs);
            _quarterSteps = nextStep;
            QuarterTurn(nextStep, t);
        }
    }

    /// <summary>Sets the tamper contact (a magnet held to the meter, a cut cable).</summary>
    public void SetTamper(bool active, long unixMs) => Change(PulseInputs.Tamper, active, unixMs);

    // Quarter turn q: 0 -> A closes (a pulse: one full pulse volume has passed), 1 -> B closes,
    // 2 -> A opens, 3 -> B opens. At rest (q = 0) the magnet sits at A: A closed, B open.
    private void QuarterTurn(long q, long unixMs)
    {
        switch (q % 4)
        {
            case 0:
                _pulseTimes.Add(unixMs);
                Change(PulseInputs.ReedA, true, unixMs);
                break;
            case 1:
                Change(PulseInputs.ReedB, true, unixMs);
                break;
            case 2:
                Change(PulseInputs.ReedA, false, unixMs);
                break;
            default:
                Change(PulseInputs.ReedB, false, unixMs);
                break;
        }
    }

    private void Change(int input, bool level, long unixMs)
    {
        var uptime = unixMs - UptimeOriginUnixMs;
        _levels[input] = level;
        _handler?.OnEdge(input, level, uptime);
        var chatters = _bounce.MaxChatters > 0 ? _rng.Next(_bounce.MaxChatters + 1) : 0;
        for (var i = 0; i < chatters; i++)
        {
            // Chatter within the bounce window; the uptime clock is in ms, so chatter lands on the
            // same or the next millisecond, in order.
            var at = uptime + (long)(_bounce.MaxBounceMs * (i + 1) / (chatters + 1));
            _handler?.OnEdge(input, !level, at);
            _handler?.OnEdge(input, level, at);
        }
    }
}
