namespace Edge.Gateway.Store;

/// <summary>
/// Size limit, classes and expiry of the store (<c>Edge:Gateway:Store</c>). See gateway/Edge.Gateway/README.md
/// for how eviction, expiry and gap records work.
/// </summary>
public sealed class StoreOptions
{
    /// <summary>
    /// Size limit of the store's data in bytes (default 256 MiB), measured as an estimate of row bytes
    /// (<see cref="StoreSchema"/>: a fixed cost per row plus its text), not as the file size.
    /// </summary>
    public long MaxBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>A reading observed more than this long before the gateway received it is class backfill.</summary>
    public TimeSpan BackfillAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often expired items are removed (each removal writes gap records).</summary>
    public TimeSpan ExpiryInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Alarms: kept longest, may use the whole store, evicted only when nothing else is left.</summary>
    public StoreClassOptions Alarm { get; set; } = new() { TtlDays = 30, Share = 1.0 };

    /// <summary>Device status events (reboot, low battery, lost readings).</summary>
    public StoreClassOptions Status { get; set; } = new() { TtlDays = 14, Share = 0.1 };

    /// <summary>Ordinary readings.</summary>
    public StoreClassOptions Reading { get; set; } = new() { TtlDays = 14, Share = 0.6 };

    /// <summary>Readings that arrived long after they were observed (see <see cref="BackfillAfter"/>).</summary>
    public StoreClassOptions Backfill { get; set; } = new() { TtlDays = 7, Share = 0.3 };

    /// <summary>The settings of <paramref name="dataClass"/>.</summary>
    public StoreClassOptions For(DataClass dataClass) => dataClass switch
    {
        DataClass.Alarm => Alarm,
        DataClass.Status => Status,
        DataClass.Reading => Reading,
        _ => Backfill,
    };
}
