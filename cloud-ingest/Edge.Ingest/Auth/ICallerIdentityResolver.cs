namespace Edge.Ingest.Auth;

/// <summary>
/// Finds out who is calling. API keys are the first implementation; a client-certificate (mTLS) resolver
/// can replace or be chained before it without touching the endpoints.
/// </summary>
public interface ICallerIdentityResolver
{
    /// <summary>Resolves the caller of <paramref name="context"/>.</summary>
    ValueTask<CallerResolution> ResolveAsync(HttpContext context);
}
