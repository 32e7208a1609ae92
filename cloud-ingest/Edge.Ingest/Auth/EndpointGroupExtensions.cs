namespace Edge.Ingest.Auth;

/// <summary>Declares an endpoint's group, so that <see cref="AccessPolicy"/> decides who may call it.</summary>
public static class EndpointGroupExtensions
{
    /// <summary>Only roles <see cref="AccessPolicy"/> allows on <paramref name="group"/> may call the endpoint.</summary>
    public static RouteHandlerBuilder RequireEndpointGroup(this RouteHandlerBuilder builder, EndpointGroup group) =>
        builder.WithMetadata(group).RequireCallerRole([.. AccessPolicy.RolesFor(group)]);
}
