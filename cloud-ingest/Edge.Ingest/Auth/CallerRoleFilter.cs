using Edge.Ingest.Apis;

namespace Edge.Ingest.Auth;

/// <summary>
/// Authenticates the caller and checks its role before the handler runs (and before the body is read).
/// The identity is then available to the handler as the <see cref="CallerIdentity"/> request feature.
/// </summary>
public sealed class CallerRoleFilter(RequiredCallerRoles required) : IEndpointFilter
{
    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var resolver = http.RequestServices.GetRequiredService<ICallerIdentityResolver>();
        var resolution = await resolver.ResolveAsync(http);
        if (resolution.Identity is not { } caller)
        {
            http.Response.Headers.WWWAuthenticate = $"ApiKey header=\"{ApiKeyIdentityResolver.HeaderName}\"";
            return Problems.Unauthenticated(resolution.Failure ?? "The caller is not authenticated.");
        }

        // Compared by rights, not by name: a 'reader' key may call what needs 'waterworks' and vice versa.
        if (!required.Roles.Any(r => CallerRoleNames.Canonical(r) == CallerRoleNames.Canonical(caller.Role)))
        {
            var allowed = string.Join(" or ", required.Roles.Select(CallerRoleNames.ToName));
            return Problems.Forbidden(
                $"This API key has the role '{CallerRoleNames.ToName(caller.Role)}'; this endpoint needs {allowed}.");
        }

        http.Features.Set(caller);
        return await next(context);
    }
}
