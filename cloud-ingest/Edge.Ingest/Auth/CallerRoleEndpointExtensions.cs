namespace Edge.Ingest.Auth;

/// <summary>Declares which caller roles may use an endpoint.</summary>
public static class CallerRoleEndpointExtensions
{
    /// <summary>Only callers with one of <paramref name="roles"/> may call the endpoint; others get 401 or 403.</summary>
    public static RouteHandlerBuilder RequireCallerRole(this RouteHandlerBuilder builder, params CallerRole[] roles)
    {
        var required = new RequiredCallerRoles(roles);
        return builder.WithMetadata(required).AddEndpointFilter(new CallerRoleFilter(required));
    }
}
