namespace Edge.Ingest.Auth;

/// <summary>Endpoint metadata: the roles allowed to call an endpoint (read by the filter and the OpenAPI document).</summary>
/// <param name="Roles">Allowed roles.</param>
public sealed record RequiredCallerRoles(IReadOnlyList<CallerRole> Roles);
