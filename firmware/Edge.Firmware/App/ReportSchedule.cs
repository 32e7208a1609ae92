namespace Edge.Firmware.App;

/// <summary>
/// When pending readings are sent: on multiples of the reporting interval (wall clock, like the reading schedule), or
/// at once when the interval is 0 or half the reading ring is waiting (so a long interval cannot overflow the ring). Once a report
/// is due it stays due until nothing is pending, so a failed send is retried by the caller's back-off, not at the next
/// report time. A clock stepped back more than an interval reschedules at once.
/// </summary>
public sealed class ReportSchedule
{
    private long _intervalMs;
    private long _nextMs;
    private bool _due;

    /// <summary>The interval in seconds (0: send as soon as a reading is pending).</summary>
    public int IntervalSeconds { get; private set; }

    /// <summary>Sets the interval; the next report is at the next multiple of it after <paramref name="nowMs"/>.</summary>
    public void Set(int seconds, long nowMs)
    {
        IntervalSeconds = seconds;
        _intervalMs = (long)seconds * 1000;
        _nextMs = _intervalMs == 0 ? 0 : ((nowMs / _intervalMs) + 1) * _intervalMs;
    }

    /// <summary>True when a frame should be sent now; <paramref name="early"/> pending readings make it due at once.</summary>
    public bool IsDue(long nowMs, long pending, int early)
    {
        if (_intervalMs > 0 && (nowMs >= _nextMs || _nextMs - nowMs > _intervalMs))
        {
            _due = nowMs >= _nextMs || _due;
            _nextMs = ((nowMs / _intervalMs) + 1) * _intervalMs;
        }

        if (pending <= 0)
        {
            _due = false;
            return false;
        }

        return _intervalMs == 0 || _due || pending >= early;
    }
}
