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
        CallerRole.Waterworks => "waterworks",
        CallerRole.Disaster => "disaster",
        CallerRole.Welfare => "welfare",
        _ => role.ToString(),
    };

    /// <summary>The role whose rights <paramref name="role"/> has: <see cref="CallerRole.Reader"/> is waterworks.</summary>
    public static CallerRole Canonical(CallerRole role) => role == CallerRole.Reader ? CallerRole.Waterworks : role;
}
