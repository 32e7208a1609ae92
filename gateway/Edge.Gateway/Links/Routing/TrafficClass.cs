using Edge.Gateway.Store;

namespace Edge.Gateway.Links.Routing;

/// <summary>
/// What a batch carries, for link policies: the store's classes (<see cref="DataClass"/>) plus gap records. Written in
/// configuration as a comma list, e.g. <c>"Alarm, Gap"</c> (case-insensitive), or <c>All</c> / <c>None</c>.
/// </summary>
[Flags]
public enum TrafficClass
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>Alarm events (tamper, reverse flow, leak, burst, dry).</summary>
    Alarm = 1,

    /// <summary>Status events (reboot, low battery, lost readings).</summary>
    Status = 2,

    /// <summary>Ordinary readings.</summary>
    Reading = 4,

    /// <summary>Readings received long after they were observed.</summary>
    Backfill = 8,

    /// <summary>Gap records (what eviction, expiry or a corrupt store lost).</summary>
    Gap = 16,

    /// <summary>Everything.</summary>
    All = Alarm | Status | Reading | Backfill | Gap,
}
