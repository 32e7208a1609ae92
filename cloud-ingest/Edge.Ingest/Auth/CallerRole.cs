namespace Edge.Ingest.Auth;

/// <summary>
/// What an authenticated caller may do (DESIGN.md "Ingest promises" 5). Which role may call which endpoint group is
/// decided in one place, <see cref="AccessPolicy"/>.
/// </summary>
public enum CallerRole
{
    /// <summary>A field gateway: posts batches for its own gateway id only.</summary>
    Gateway = 0,

    /// <summary>The first read role, kept as an alias of <see cref="Waterworks"/> for existing keys and the demo.</summary>
    Reader = 1,

    /// <summary>Operations: everything waterworks and disaster response may read, plus the registry; not welfare alerts.</summary>
    Admin = 2,

    /// <summary>Waterworks (水道局) systems: all meter data (readings, consumption, alarms, billing exports, areas).</summary>
    Waterworks = 3,

    /// <summary>Disaster response (防災): area aggregates and environmental sensor data, never a household's readings.</summary>
    Disaster = 4,

    /// <summary>Welfare watch (福祉 見守り): alerts of enrolled households only.</summary>
    Welfare = 5,
}
