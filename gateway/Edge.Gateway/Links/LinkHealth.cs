namespace Edge.Gateway.Links;

/// <summary>
/// What a link has observed about itself. Updated by the link after every attempt; read by anyone (thread-safe).
/// Hysteresis and budgets (issue 6) are policy on top of these facts, not part of them.
/// </summary>
public sealed class LinkHealth
{
    private readonly Lock _lock = new();
    private LinkState _state;
    private int _consecutiveFailures;
    private DateTimeOffset? _lastSuccess;
    private DateTimeOffset? _lastFailure;
    private TimeSpan? _lastRoundTrip;
    private string _lastDetail = "";
    private long _wireBytes;

    /// <summary>Up after a success, down after a failure.</summary>
    public LinkState State { get { lock (_lock) { return _state; } } }

    /// <summary>Failed attempts since the last success.</summary>
    public int ConsecutiveFailures { get { lock (_lock) { return _consecutiveFailures; } } }

    /// <summary>When the last attempt succeeded.</summary>
    public DateTimeOffset? LastSuccess { get { lock (_lock) { return _lastSuccess; } } }

    /// <summary>When the last attempt failed.</summary>
    public DateTimeOffset? LastFailure { get { lock (_lock) { return _lastFailure; } } }

    /// <summary>How long the last successful delivery took, from first byte sent to acknowledgement.</summary>
    public TimeSpan? LastRoundTrip { get { lock (_lock) { return _lastRoundTrip; } } }

    /// <summary>The last result's detail.</summary>
    public string LastDetail { get { lock (_lock) { return _lastDetail; } } }

    /// <summary>Bytes on the wire since start, both directions, framing included.</summary>
    public long WireBytes => Interlocked.Read(ref _wireBytes);

    /// <summary>Records a delivered batch.</summary>
    public void RecordSuccess(DateTimeOffset now, TimeSpan roundTrip, string detail)
    {
        lock (_lock)
        {
            _state = LinkState.Up;
            _consecutiveFailures = 0;
            _lastSuccess = now;
            _lastRoundTrip = roundTrip;
            _lastDetail = detail;
        }
    }

    /// <summary>Records a failed attempt.</summary>
    public void RecordFailure(DateTimeOffset now, string detail)
    {
        lock (_lock)
        {
            _state = LinkState.Down;
            _consecutiveFailures++;
            _lastFailure = now;
            _lastDetail = detail;
        }
    }

    /// <summary>Adds bytes that went over the wire.</summary>
    public void AddWireBytes(long bytes) => Interlocked.Add(ref _wireBytes, bytes);
}
