namespace Edge.Gateway.Store;

/// <summary>
/// Class of stored data (DESIGN.md, gateway promise 3); a lower value has a higher priority. Stored in the
/// <c>class</c> column of the readings and events tables; per-class limits are in <see cref="StoreOptions"/>.
/// </summary>
public enum DataClass
{
    /// <summary>Alarms (tamper, reverse flow): cut into a batch at once, evicted last.</summary>
    Alarm = 0,

    /// <summary>Device status events (reboot, low battery, lost readings).</summary>
    Status = 1,

    /// <summary>Ordinary readings.</summary>
    Reading = 2,

    /// <summary>Readings received long after they were observed: sent after everything else, evicted first.</summary>
    Backfill = 3,
}
