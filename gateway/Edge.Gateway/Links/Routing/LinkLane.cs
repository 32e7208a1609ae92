namespace Edge.Gateway.Links.Routing;

/// <summary>
/// One link with its policy, as link choice sees it: health with hysteresis (from sends and probes), the budget
/// left in the current day and month (persisted), and whether a send is under way. Thread-safe.
/// </summary>
public sealed class LinkLane
{
    private readonly Lock _lock = new();
    private readonly LinkUsageStore _usage;
    private readonly BudgetPeriods _periods;
    private readonly TimeProvider _time;
    private LinkUsage? _used;
    private DateTimeOffset? _lastFailure;
    private DateTimeOffset? _streakStart;
    private DateTimeOffset? _lastResult;
    private DateTimeOffset _retryAt;
    private DateTimeOffset? _busySince;
    private int _failures;
    private LinkPolicyOptions? _override;
    private bool _emergencyBudget;

    internal LinkLane(ILink link, LinkPolicyOptions policy, int order, int maxBatchBytes, TimeSpan? probeInterval, LinkUsageStore usage, TimeProvider time)
    {
        Link = link;
        BasePolicy = policy;
        Order = order;
        MaxBatchBytes = maxBatchBytes;
        ProbeInterval = link is ILinkProbe ? probeInterval : null;
        _usage = usage;
        _time = time;
        _periods = new BudgetPeriods(BudgetPeriods.FindZone(policy.TimeZone));
    }

    /// <summary>The link.</summary>
    public ILink Link { get; }

    /// <summary>Its name.</summary>
    public string Name => Link.Name;

    /// <summary>Its policy now: the override of the configuration in force (disaster mode, desired document), else its own.</summary>
    public LinkPolicyOptions Policy => Volatile.Read(ref _override) ?? BasePolicy;

    /// <summary>Its policy from the gateway's configuration.</summary>
    public LinkPolicyOptions BasePolicy { get; }

    /// <summary>True while an override with a budget of its own is in force: sends count against that budget (<c>{name}!emergency</c>).</summary>
    public bool OnEmergencyBudget { get { lock (_lock) { return _emergencyBudget; } } }

    /// <summary>Name under which its budget usage is kept.</summary>
    private string UsageName => _emergencyBudget ? Name + "!emergency" : Name;

    /// <summary>
    /// Puts <paramref name="policy"/> in force instead of <see cref="BasePolicy"/> (null: back to it). With
    /// <paramref name="emergencyBudget"/> the link's usage is counted apart, so the emergency budget neither spends nor
    /// is limited by the ordinary one. Health and hysteresis are kept.
    /// </summary>
    public void SetOverride(LinkPolicyOptions? policy, bool emergencyBudget)
    {
        lock (_lock)
        {
            _override = policy;
            _emergencyBudget = policy is not null && emergencyBudget;
            _used = null;
        }
    }

    /// <summary>Place for alarms (lower first).</summary>
    public int Order { get; }

    /// <summary>Largest encoded batch cut for this link; 0 for no limit.</summary>
    public int MaxBatchBytes { get; }

    /// <summary>How often it is probed while down, recovering or idle; null when the link has no probe.</summary>
    public TimeSpan? ProbeInterval { get; }

    /// <summary>Failures in a row.</summary>
    public int ConsecutiveFailures { get { lock (_lock) { return _failures; } } }

    /// <summary>Health now.</summary>
    public LaneState State(DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_lastFailure is null)
            {
                return _lastResult is null ? LaneState.Unknown : LaneState.Up;
            }

            if (_streakStart is not { } since)
            {
                return LaneState.Down;
            }

            return now - since >= Policy.Hysteresis ? LaneState.Up : LaneState.Recovering;
        }
    }

    /// <summary>A send or probe succeeded.</summary>
    public void RecordSuccess(DateTimeOffset now)
    {
        lock (_lock)
        {
            _streakStart ??= now;
            _lastResult = now;
            _failures = 0;
        }
    }

    /// <summary>A send or probe failed; without a probe the link is tried with traffic again after <paramref name="retryAfter"/>.</summary>
    public void RecordFailure(DateTimeOffset now, TimeSpan retryAfter)
    {
        lock (_lock)
        {
            _lastFailure = now;
            _lastResult = now;
            _streakStart = null;
            _failures++;
            _retryAt = now + retryAfter;
        }
    }

    /// <summary>When the link last produced a result (send or probe).</summary>
    public DateTimeOffset? LastResult { get { lock (_lock) { return _lastResult; } } }

    /// <summary>Healthy enough for alarms: up, unknown or recovering.</summary>
    public bool TakesAlarms(DateTimeOffset now) => State(now) != LaneState.Down;

    /// <summary>Healthy enough for everything else: up or unknown.</summary>
    public bool TakesBulk(DateTimeOffset now) => State(now) is LaneState.Up or LaneState.Unknown;

    /// <summary>Down, without a probe to bring it back, and its retry wait is over: it may be tried with traffic.</summary>
    public bool RetryDue(DateTimeOffset now)
    {
        lock (_lock)
        {
            return ProbeInterval is null && _lastFailure is not null && _streakStart is null && now >= _retryAt;
        }
    }

    /// <summary>Marks a send as started or ended.</summary>
    public void SetBusy(bool busy)
    {
        lock (_lock)
        {
            _busySince = busy ? _time.GetUtcNow() : null;
        }
    }

    /// <summary>How long the current send has been running, or null when idle.</summary>
    public TimeSpan? BusyFor(DateTimeOffset now)
    {
        lock (_lock)
        {
            return _busySince is { } since ? now - since : null;
        }
    }

    /// <summary>The usage of the current periods (read from the store once, then kept).</summary>
    public LinkUsage Usage(DateTimeOffset now)
    {
        var day = _periods.DayStart(now);
        var month = _periods.MonthStart(now);
        lock (_lock)
        {
            if (_used is null || _used.DayStart != day || _used.MonthStart != month)
            {
                _used = _usage.Read(UsageName, day, month);
            }

            return _used;
        }
    }

    /// <summary>Counts wire bytes against the budgets (persisted at once).</summary>
    public LinkUsage Charge(long bytes, DateTimeOffset now)
    {
        var day = _periods.DayStart(now);
        var month = _periods.MonthStart(now);
        lock (_lock)
        {
            _used = _usage.Charge(UsageName, Math.Max(0, bytes), day, month);
            return _used;
        }
    }

    /// <summary>The classes it carries now: <see cref="LinkPolicyOptions.Allow"/>, or only the kept ones when a budget's normal part is spent.</summary>
    public TrafficClass CarriesNow(DateTimeOffset now) => Exhausted(now) ? Policy.Allow & Policy.WhenExhausted : Policy.Allow;

    /// <summary>True when a budget's normal part has no room for a full batch: only <see cref="LinkPolicyOptions.WhenExhausted"/> goes.</summary>
    public bool Exhausted(DateTimeOffset now) =>
        Allowance(kept: false, Link.EstimateWireBytes(MaxBatchBytes is > 0 and < 1024 ? MaxBatchBytes : 1024), now) is null;

    /// <summary>
    /// Whether a batch of <paramref name="classes"/> whose send costs <paramref name="wireBytes"/> may go now: its
    /// classes are allowed and the budgets have room (the reserve only for kept classes). Returns the allowance for
    /// the send (bytes it may spend; <see cref="long.MaxValue"/> without budgets), or null.
    /// </summary>
    public long? Room(TrafficClass classes, long wireBytes, DateTimeOffset now) =>
        classes.Within(Policy.Allow) ? Allowance(classes.Within(Policy.WhenExhausted), wireBytes, now) : null;

    private long? Allowance(bool kept, long wireBytes, DateTimeOffset now)
    {
        var used = Usage(now);
        var allowance = long.MaxValue;
        foreach (var (limit, spent) in new[] { (Policy.DailyBytes, used.DayBytes), (Policy.MonthlyBytes, used.MonthBytes) })
        {
            if (limit <= 0)
            {
                continue;
            }

            var cap = kept ? limit : limit - (long)(limit * Policy.ReserveShare);
            if (spent + wireBytes > cap)
            {
                return null;
            }

            allowance = Math.Min(allowance, cap - spent);
        }

        return allowance;
    }
}
