namespace Edge.Gateway.Uplink;

/// <summary>The ingest's answer to one POST of a batch.</summary>
/// <param name="Outcome">What to do next.</param>
/// <param name="Status">HTTP status, or null when no response arrived.</param>
/// <param name="Detail">For the log: the acknowledgement's counts, the problem details, or the network error.</param>
/// <param name="RetryAfter">The server's Retry-After, when it sent one.</param>
internal sealed record IngestResult(IngestOutcome Outcome, int? Status, string Detail, TimeSpan? RetryAfter = null);
