using Edge.Gateway.Links.Routing;
using Edge.Gateway.Store;
using Edge.Uplink.Control;

namespace Edge.Gateway.Control;

/// <summary>
/// Computes the configuration in force from the gateway's own configuration, the last good desired document and the
/// disaster state. Pure: it changes nothing, so a document can be checked against both states before it is accepted.
/// </summary>
public static class ControlPlanner
{
    /// <summary>The plan, or null with <paramref name="error"/> saying why the combination cannot apply.</summary>
    public static ControlPlan? Plan(
        ControlOptions options,
        StoreOptions configuredStore,
        IReadOnlyDictionary<string, LinkPolicyOptions> configuredLinks,
        DesiredConfig? desired,
        IReadOnlyList<string> sources,
        out string? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuredStore);
        ArgumentNullException.ThrowIfNull(configuredLinks);
        ArgumentNullException.ThrowIfNull(sources);
        error = null;
        var disaster = sources.Count > 0;
        var profile = desired?.For(disaster);
        var mode = disaster ? "disaster" : "normal";
        var devices = disaster ? options.Disaster.Devices : options.Normal;
        var sampling = profile?.SamplingSeconds ?? devices.SamplingSeconds;
        var reporting = profile?.ReportingSeconds ?? devices.ReportingSeconds;
        if (reporting < sampling)
        {
            error = $"{mode} profile: reporting interval {reporting} s is shorter than sampling interval {sampling} s";
            return null;
        }

        var store = Copy(configuredStore);
        if (disaster)
        {
            foreach (var c in Enum.GetValues<DataClass>())
            {
                store.For(c).TtlDays *= options.Disaster.TtlFactor;
            }
        }

        foreach (var (name, setting) in profile?.Classes ?? new Dictionary<string, ClassSetting>())
        {
            var target = store.For(Enum.Parse<DataClass>(name, ignoreCase: true));
            target.TtlDays = setting.TtlDays ?? target.TtlDays;
            target.Share = setting.Share ?? target.Share;
        }

        var links = new Dictionary<string, LinkOverridePlan>(StringComparer.Ordinal);
        var own = options.Disaster;
        if (disaster && own.Link.Length > 0 && configuredLinks.TryGetValue(own.Link, out var satellite))
        {
            var policy = Copy(satellite);
            policy.Allow = own.Allow;
            policy.DailyBytes = own.DailyBytes;
            policy.MonthlyBytes = own.MonthlyBytes;
            links[own.Link] = new LinkOverridePlan(policy, EmergencyBudget: true);
        }

        foreach (var (name, change) in profile?.Links ?? new Dictionary<string, LinkOverride>())
        {
            if (!configuredLinks.TryGetValue(name, out var configured))
            {
                error = $"{mode} profile: this gateway has no link '{name}' (it has {string.Join(", ", configuredLinks.Keys)})";
                return null;
            }

            var current = links.TryGetValue(name, out var planned) ? planned : new LinkOverridePlan(Copy(configured), false);
            var policy = current.Policy;
            if (change.Allow is { } allow)
            {
                policy.Allow = allow.Aggregate(TrafficClass.None, (all, c) => all | Enum.Parse<TrafficClass>(c, ignoreCase: true));
            }

            var emergency = current.EmergencyBudget;
            if (change.HasBudget)
            {
                policy.DailyBytes = change.DailyBytes ?? 0;
                policy.MonthlyBytes = change.MonthlyBytes ?? 0;
                emergency = true;
            }

            links[name] = new LinkOverridePlan(policy, emergency);
        }

        return new ControlPlan(desired?.Version ?? 0, disaster, sources, sampling, reporting, store, links);
    }

    /// <summary>Checks a desired document against both states (normal and disaster); null when it can apply in either.</summary>
    public static string? Check(
        ControlOptions options, StoreOptions configuredStore, IReadOnlyDictionary<string, LinkPolicyOptions> configuredLinks, DesiredConfig desired)
    {
        foreach (var sources in new[] { Array.Empty<string>(), ["cloud"] })
        {
            if (Plan(options, configuredStore, configuredLinks, desired, sources, out var error) is null)
            {
                return error;
            }
        }

        return null;
    }

    private static StoreOptions Copy(StoreOptions s) => new()
    {
        MaxBytes = s.MaxBytes,
        BackfillAfter = s.BackfillAfter,
        ExpiryInterval = s.ExpiryInterval,
        Alarm = new StoreClassOptions { TtlDays = s.Alarm.TtlDays, Share = s.Alarm.Share },
        Status = new StoreClassOptions { TtlDays = s.Status.TtlDays, Share = s.Status.Share },
        Reading = new StoreClassOptions { TtlDays = s.Reading.TtlDays, Share = s.Reading.Share },
        Backfill = new StoreClassOptions { TtlDays = s.Backfill.TtlDays, Share = s.Backfill.Share },
    };

    private static LinkPolicyOptions Copy(LinkPolicyOptions p) => new()
    {
        Allow = p.Allow,
        WhenExhausted = p.WhenExhausted,
        DailyBytes = p.DailyBytes,
        MonthlyBytes = p.MonthlyBytes,
        ReserveShare = p.ReserveShare,
        TimeZone = p.TimeZone,
        MaxMessageBytes = p.MaxMessageBytes,
        CostPerByte = p.CostPerByte,
        Hysteresis = p.Hysteresis,
        Priority = p.Priority,
    };
}
