namespace Edge.Ingest.Registry;

/// <summary>The admission decision for one device in a gateway's batch.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="Outcome">What to do with its readings.</param>
/// <param name="Reason">Why, for problem details and the quarantine list; null when accepted.</param>
public sealed record WriteDecision(string DeviceId, WriteOutcome Outcome, string? Reason);
