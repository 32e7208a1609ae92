using Edge.Gateway.Hosting;
using Edge.Gateway.Links.Routing;
using Edge.Gateway.Store;
using Edge.Uplink.Control;
using Microsoft.Extensions.Options;

namespace Edge.Gateway.Control;

/// <summary>
/// Remote configuration and disaster mode (issue 6): keeps the last good desired document (validated in full, stored
/// durably before it counts), combines the cloud's disaster switch with the local ones (on if any says on) and puts the
/// resulting <see cref="ControlPlan"/> in force at once — store TTLs and shares, link policies, and the device intervals
/// that Control/ControlService publishes. Nothing here needs a link. Thread-safe.
/// </summary>
public sealed partial class GatewayControl
{
    private readonly Lock _lock = new();
    private readonly GatewayOptions _settings;
    private readonly ControlOptions _options;
    private readonly StoreLimits _limits;
    private readonly LinkRouter? _router;
    private readonly TimeProvider _time;
    private readonly ILogger<GatewayControl> _logger;
    private readonly Dictionary<string, LinkPolicyOptions> _links;
    private readonly HashSet<string> _local = new(StringComparer.Ordinal);
    private DesiredConfig? _desired;
    private ControlStatus _status;
    private long _serial;
    private long _reportedSerial = -1;
    private long _publishedSerial = -1;

    /// <summary>Creates the control over the store limits and the router's links; call <see cref="Start"/> once.</summary>
    public GatewayControl(IOptions<GatewayOptions> options, StoreLimits limits, TimeProvider time, ILogger<GatewayControl> logger, LinkRouter? router = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _settings = options.Value;
        _options = _settings.Control;
        _limits = limits;
        _router = router;
        _time = time;
        _logger = logger;
        _links = router?.Lanes.ToDictionary(l => l.Name, l => l.BasePolicy, StringComparer.Ordinal) ?? [];
        File = new DesiredConfigFile(Path.Combine(_settings.DataDir, _options.DesiredFile));
        var plan = ControlPlanner.Plan(_options, _settings.Store, _links, null, [], out _)!;
        _status = new ControlStatus(plan, 0, time.GetUtcNow(), 0, 0, null, null, null, null);
    }

    /// <summary>Where the last good document is kept.</summary>
    public DesiredConfigFile File { get; }

    /// <summary>The gateway id reports carry.</summary>
    public string GatewayId => _settings.Id;

    /// <summary>The state now.</summary>
    public ControlStatus Status { get { lock (_lock) { return _status; } } }

    /// <summary>The last good desired document, or null.</summary>
    public DesiredConfig? Desired { get { lock (_lock) { return _desired; } } }

    /// <summary>Loads the stored document (a damaged one is logged and left aside) and puts the configuration in force.</summary>
    public void Start()
    {
        var stored = File.Load(out var error);
        lock (_lock)
        {
            if (error is not null)
            {
                LogStoredUnreadable(_logger, error);
            }
            else if (stored is not null && ControlPlanner.Check(_options, _settings.Store, _links, stored) is { } unusable)
            {
                LogStoredUnreadable(_logger, $"{File.Path}: {unusable}");
            }
            else if (stored is not null)
            {
                _desired = stored;
                LogStoredLoaded(_logger, stored.Version, File.Path);
            }

            ApplyLocked("start");
        }
    }

    /// <summary>
    /// Offers a desired document (JSON) that arrived <paramref name="via"/> (<c>ip</c>, <c>satellite</c>): applied when
    /// valid and newer, ignored when not newer, otherwise rejected with the reason (reported, nothing changed).
    /// </summary>
    public (DesiredOutcome Outcome, string Detail) Offer(byte[] json, string via)
    {
        ArgumentNullException.ThrowIfNull(json);
        var config = DesiredConfigJson.Parse(json, out var errors);
        lock (_lock)
        {
            var version = config?.Version ?? VersionOf(json);
            if (config is not null && config.Version <= (_desired?.Version ?? 0))
            {
                return (DesiredOutcome.Ignored, $"version {config.Version} is not above {_desired?.Version ?? 0}");
            }

            var reason = config is null ? string.Join("; ", errors) : ControlPlanner.Check(_options, _settings.Store, _links, config);
            if (reason is null)
            {
                try
                {
                    File.Save(config!);
                }
                catch (IOException ex)
                {
                    reason = $"cannot store the document: {ex.Message}";
                }
            }

            if (reason is not null)
            {
                if (version is { } v && v <= (_desired?.Version ?? 0))
                {
                    return (DesiredOutcome.Ignored, $"version {v} is not above {_desired?.Version ?? 0}");
                }

                if (_status.RejectedVersion == (version ?? 0) && _status.RejectedReason == reason)
                {
                    // The same document again (a poll after a rejection): already counted and reported.
                    return (DesiredOutcome.Rejected, reason);
                }

                _status = _status with { Rejections = _status.Rejections + 1, RejectedVersion = version ?? 0, RejectedReason = reason };
                _serial++;
                LogRejected(_logger, version ?? 0, via, reason);
                return (DesiredOutcome.Rejected, reason);
            }

            var previous = _desired;
            _desired = config;
            if (_status.RejectedVersion is { } rejected && rejected <= config!.Version)
            {
                _status = _status with { RejectedVersion = null, RejectedReason = null };
            }

            LogAccepted(_logger, config!.Version, via, previous?.Version ?? 0, config.DisasterMode.On, config.DisasterMode.Reason ?? "");
            ApplyLocked($"desired version {config.Version} via {via}");
            return (DesiredOutcome.Applied, $"version {config.Version} in force");
        }
    }

    /// <summary>Sets a local disaster source (<see cref="ControlSources"/>); a change puts the new configuration in force.</summary>
    public void SetLocal(string source, bool on)
    {
        lock (_lock)
        {
            if (on ? !_local.Add(source) : !_local.Remove(source))
            {
                return;
            }

            LogLocal(_logger, source, on ? "on" : "off");
            ApplyLocked($"local switch {source} {(on ? "on" : "off")}");
        }
    }

    /// <summary>The report of the state now, with a serial that <see cref="MarkReported"/> takes back; null when it was reported already.</summary>
    public (ReportedState State, long Serial)? PendingReport()
    {
        lock (_lock)
        {
            if (_reportedSerial == _serial)
            {
                return null;
            }

            var s = _status;
            return (new ReportedState(_settings.Id, s.Plan.AppliedVersion, s.Plan.DisasterMode, s.Plan.Sources, s.ChangedAt, s.RejectedVersion, s.RejectedReason), _serial);
        }
    }

    /// <summary>The report with <paramref name="serial"/> reached the cloud <paramref name="via"/>.</summary>
    public void MarkReported(long serial, string via)
    {
        lock (_lock)
        {
            _reportedSerial = Math.Max(_reportedSerial, serial);
            _status = _status with { ReportedAt = _time.GetUtcNow(), ReportedVia = via };
        }
    }

    /// <summary>The device configuration to publish, with its serial for <see cref="MarkPublished"/>; null when published already.</summary>
    public (ControlPlan Plan, long Serial)? PendingPublish()
    {
        lock (_lock)
        {
            return _publishedSerial == _serial ? null : (_status.Plan, _serial);
        }
    }

    /// <summary>The device configuration with <paramref name="serial"/> is on the broker.</summary>
    public void MarkPublished(long serial)
    {
        lock (_lock)
        {
            _publishedSerial = Math.Max(_publishedSerial, serial);
        }
    }

    private void ApplyLocked(string cause)
    {
        var sources = ControlSources.All.Where(s => s == ControlSources.Cloud ? _desired?.DisasterMode.On == true : _local.Contains(s)).ToList();
        var plan = ControlPlanner.Plan(_options, _settings.Store, _links, _desired, sources, out var error);
        if (plan is null)
        {
            // Documents are checked against both states before they are accepted, so this is a local configuration error.
            LogPlanFailed(_logger, cause, error ?? "");
            return;
        }

        // In-memory swaps only: nothing between here and the status update can fail half way.
        _limits.Set(plan.Store);
        foreach (var lane in _router?.Lanes ?? [])
        {
            var change = plan.Links.GetValueOrDefault(lane.Name);
            lane.SetOverride(change?.Policy, change?.EmergencyBudget ?? false);
        }

        var was = _status.Plan;
        _status = _status with { Plan = plan, ChangedAt = _time.GetUtcNow(), Changes = _status.Changes + 1 };
        _serial++;
        if (was.DisasterMode != plan.DisasterMode || cause == "start")
        {
            LogDisaster(_logger, plan.DisasterMode ? "ON" : "off", string.Join(",", plan.Sources), cause);
        }

        LogApplied(_logger, cause, plan.AppliedVersion, plan.SamplingSeconds, plan.ReportingSeconds,
            string.Join("; ", plan.Links.Select(l => $"{l.Key}: {l.Value.Policy.Allow}{(l.Value.EmergencyBudget ? $", emergency budget {l.Value.Policy.DailyBytes} B/day {l.Value.Policy.MonthlyBytes} B/month" : "")}")),
            plan.Store.Reading.TtlDays);
    }

    private static long? VersionOf(byte[] json)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && document.RootElement.TryGetProperty("version", out var v) && v.TryGetInt64(out var version) ? version : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "stored desired configuration not used: {Error}")]
    private static partial void LogStoredUnreadable(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "desired configuration version {Version} loaded from {Path}")]
    private static partial void LogStoredLoaded(ILogger logger, long version, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "desired configuration version {Version} (via {Via}) rejected, nothing changed: {Reason}")]
    private static partial void LogRejected(ILogger logger, long version, string via, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "desired configuration version {Version} accepted via {Via} (was {Previous}); cloud disaster switch {On} {Reason}")]
    private static partial void LogAccepted(ILogger logger, long version, string via, long previous, bool on, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "local disaster switch {Source} is {State}")]
    private static partial void LogLocal(ILogger logger, string source, string state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "disaster mode {State} (sources: {Sources}) after {Cause}")]
    private static partial void LogDisaster(ILogger logger, string state, string sources, string cause);

    [LoggerMessage(Level = LogLevel.Information, Message = "configuration in force after {Cause}: desired version {Version}, devices sample every {Sampling} s and report every {Reporting} s, link overrides [{Links}], reading TTL {ReadingTtl} days")]
    private static partial void LogApplied(ILogger logger, string cause, long version, int sampling, int reporting, string links, double readingTtl);

    [LoggerMessage(Level = LogLevel.Error, Message = "configuration after {Cause} cannot apply, the previous one stays: {Error}")]
    private static partial void LogPlanFailed(ILogger logger, string cause, string error);
}
