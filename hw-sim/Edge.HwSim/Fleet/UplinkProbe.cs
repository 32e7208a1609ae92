using System.Diagnostics;

namespace Edge.HwSim.Fleet;

/// <summary>
/// Watches the uplinks of a fleet for fault tests: how many publishes are waiting for a PUBACK right now,
/// how many failed, how many were cut off by a fault the test marked with <see cref="MarkCut"/>, and the
/// longest a device was blocked in one publish or connect. Thread-safe.
/// </summary>
public sealed class UplinkProbe
{
    private long _inFlight;
    private long _publishes;
    private long _acknowledged;
    private long _failed;
    private long _cutOff;
    private long _connects;
    private long _failedConnects;
    private long _lastCutTimestamp = long.MinValue;
    private long _longestPublishTicks;
    private long _longestConnectTicks;

    /// <summary>Publishes waiting for their PUBACK now.</summary>
    public long InFlight => Interlocked.Read(ref _inFlight);

    /// <summary>Publishes started.</summary>
    public long Publishes => Interlocked.Read(ref _publishes);

    /// <summary>Publishes the broker acknowledged with success.</summary>
    public long Acknowledged => Interlocked.Read(ref _acknowledged);

    /// <summary>Publishes that failed (timeout, refusal, lost connection).</summary>
    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Failed publishes that had started before the last <see cref="MarkCut"/>: cut off by the fault.</summary>
    public long CutOff => Interlocked.Read(ref _cutOff);

    /// <summary>Connection attempts.</summary>
    public long Connects => Interlocked.Read(ref _connects);

    /// <summary>Connection attempts that failed.</summary>
    public long FailedConnects => Interlocked.Read(ref _failedConnects);

    /// <summary>Longest time one publish call blocked its device.</summary>
    public TimeSpan LongestPublish => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _longestPublishTicks));

    /// <summary>Longest time one connect call blocked its device.</summary>
    public TimeSpan LongestConnect => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _longestConnectTicks));

    /// <summary>Call right before a fault (e.g. killing the gateway): returns the publishes in flight now.</summary>
    public long MarkCut()
    {
        Interlocked.Exchange(ref _lastCutTimestamp, Stopwatch.GetTimestamp());
        return InFlight;
    }

    internal long BeginPublish()
    {
        Interlocked.Increment(ref _publishes);
        Interlocked.Increment(ref _inFlight);
        return Stopwatch.GetTimestamp();
    }

    internal void EndPublish(long started, bool acknowledged)
    {
        Interlocked.Decrement(ref _inFlight);
        RaiseTo(ref _longestPublishTicks, Stopwatch.GetTimestamp() - started);
        if (acknowledged)
        {
            Interlocked.Increment(ref _acknowledged);
            return;
        }

        Interlocked.Increment(ref _failed);
        if (started <= Interlocked.Read(ref _lastCutTimestamp))
        {
            Interlocked.Increment(ref _cutOff);
        }
    }

    internal void Connected(long started, bool ok)
    {
        Interlocked.Increment(ref _connects);
        RaiseTo(ref _longestConnectTicks, Stopwatch.GetTimestamp() - started);
        if (!ok)
        {
            Interlocked.Increment(ref _failedConnects);
        }
    }

    private static void RaiseTo(ref long field, long value)
    {
        var current = Interlocked.Read(ref field);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref field, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
