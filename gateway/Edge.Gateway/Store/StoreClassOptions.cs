namespace Edge.Gateway.Store;

/// <summary>Limits of one data class in the store (<c>Edge:Gateway:Store:{Alarm|Status|Reading|Backfill}</c>).</summary>
public sealed class StoreClassOptions
{
    /// <summary>Days an item of this class may wait in the store (since it was received) before it expires.</summary>
    public double TtlDays { get; set; }

    /// <summary>
    /// Fraction (0..1) of <see cref="StoreOptions.MaxBytes"/> this class may keep when the store is full and
    /// room is needed: a class above its share is evicted first (lowest class first). Alarms may use all.
    /// </summary>
    public double Share { get; set; }
}
