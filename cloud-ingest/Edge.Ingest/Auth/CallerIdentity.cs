namespace Edge.Ingest.Auth;

/// <summary>An authenticated caller.</summary>
/// <param name="Role">What the caller may do.</param>
/// <param name="GatewayId">The caller's gateway id when <paramref name="Role"/> is <see cref="CallerRole.Gateway"/>.</param>
public sealed record CallerIdentity(CallerRole Role, string? GatewayId);
