namespace Edge.Ingest.Auth;

/// <summary>The configuration and wire names of <see cref="CallerRole"/> values.</summary>
public static class CallerRoleNames
{
    /// <summary>Lower-case name of a role, as written in configuration.</summary>
    public static string ToName(CallerRole role) => role switch
    {
        CallerRole.Gateway => "gateway",
        CallerRole.Reader => "reader",
        CallerRole.Admin => "admin",
        _ => role.ToString(),
    };
}
