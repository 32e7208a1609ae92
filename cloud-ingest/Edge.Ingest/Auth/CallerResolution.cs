namespace Edge.Ingest.Auth;

/// <summary>Outcome of resolving the caller of a request: an identity, or why there is none.</summary>
/// <param name="Identity">The caller, or <see langword="null"/> when unauthenticated.</param>
/// <param name="Failure">Why the caller could not be authenticated, fit to show to the caller.</param>
public sealed record CallerResolution(CallerIdentity? Identity, string? Failure)
{
    /// <summary>An authenticated caller.</summary>
    public static CallerResolution Success(CallerIdentity identity) => new(identity, null);

    /// <summary>An unauthenticated caller and the reason.</summary>
    public static CallerResolution Fail(string reason) => new(null, reason);
}
