namespace Edge.Ingest.Apis;

/// <summary>
/// Per-gateway rate limit of <c>POST /v1/batches</c> (<c>Edge:Ingest:RateLimit</c>): a token bucket per gateway id,
/// <see cref="Burst"/> requests at once, refilled at <see cref="RequestsPerMinute"/>. Every request of a gateway key
/// counts (duplicates and refused ones too), before its body is read. 0 for <see cref="RequestsPerMinute"/> turns the
/// limit off.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Sustained requests per minute per gateway (default 600); 0 turns the limit off.</summary>
    public int RequestsPerMinute { get; set; } = 600;

    /// <summary>Requests a gateway may send at once after a quiet spell, e.g. its backlog after an outage (default 120).</summary>
    public int Burst { get; set; } = 120;
}
