namespace Edge.Gateway.Store;

/// <summary>
/// Class of stored data (DESIGN.md, gateway promise 3); a lower value has a higher priority. Stored in the
/// <c>class</c> column of the readings table. Per-class TTLs and store shares come with a later issue.
/// </summary>
public enum DataClass
{
    /// <summary>Alarms: always sent first.</summary>
    Alarm = 0,

    /// <summary>Device status.</summary>
    Status = 1,

    /// <summary>Ordinary readings: what devices send today.</summary>
    Reading = 2,

    /// <summary>Bulk backfill: waits for a cheap link.</summary>
    Backfill = 3,
}
