namespace Edge.Firmware.App;

/// <summary>
/// When each input of a device (a slot: the pulse register, a sensor) takes its next reading: on multiples of its
/// interval on the wall clock (3600 s: on the hour), so readings line up across devices and reboots. Each slot has a
/// provisioned interval; the gateway's sampling interval replaces every one while it is set. An interval below 1 s
/// counts as 1 s. No allocation after construction.
/// </summary>
public sealed class ReadingSchedule
{
    private readonly int[] _provisionedS;
    private readonly int[] _intervalS;
    private readonly long[] _nextDueMs;

    /// <summary>A schedule of <paramref name="slots"/> slots, each due at once until <see cref="Set"/>.</summary>
    public ReadingSchedule(int slots)
    {
        _provisionedS = new int[slots];
        _intervalS = new int[slots];
        _nextDueMs = new long[slots];
    }

    /// <summary>Sets the provisioned interval of <paramref name="slot"/> (and the one in force until <see cref="Set"/>).</summary>
    public void Provision(int slot, int seconds)
    {
        _provisionedS[slot] = seconds;
        _intervalS[slot] = seconds;
    }

    /// <summary>The interval in force for <paramref name="slot"/>, seconds.</summary>
    public int IntervalSeconds(int slot) => _intervalS[slot];

    /// <summary>
    /// Puts every slot on <paramref name="gatewaySeconds"/> when <paramref name="fromGateway"/>, else on its provisioned
    /// interval, next due at the next multiple after <paramref name="nowMs"/>. <paramref name="keepDue"/>: a slot already
    /// due stays due (settings arriving in the tick a reading falls due must not skip that reading).
    /// </summary>
    public void Set(bool fromGateway, int gatewaySeconds, long nowMs, bool keepDue)
    {
        for (var slot = 0; slot < _intervalS.Length; slot++)
        {
            _intervalS[slot] = fromGateway ? gatewaySeconds : _provisionedS[slot];
            if (!keepDue || nowMs < _nextDueMs[slot])
            {
                _nextDueMs[slot] = NextMultiple(nowMs, _intervalS[slot]);
            }
        }
    }

    /// <summary>True when the reading of <paramref name="slot"/> is due at <paramref name="nowMs"/>; the next one is then due at the next multiple.</summary>
    public bool TakeDue(int slot, long nowMs)
    {
        if (nowMs < _nextDueMs[slot])
        {
            return false;
        }

        _nextDueMs[slot] = NextMultiple(nowMs, _intervalS[slot]);
        return true;
    }

    private static long NextMultiple(long nowMs, int seconds)
    {
        var interval = (long)(seconds < 1 ? 1 : seconds) * 1000;
        return ((nowMs / interval) + 1) * interval;
    }
}
