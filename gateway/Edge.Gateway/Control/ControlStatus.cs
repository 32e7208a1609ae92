namespace Edge.Gateway.Control;

/// <summary>A snapshot of remote configuration and disaster mode, for /health, /metrics and the report.</summary>
/// <param name="Plan">The configuration in force.</param>
/// <param name="DesiredVersion">Version of the last good desired document (0: none).</param>
/// <param name="ChangedAt">When the configuration in force last changed.</param>
/// <param name="Changes">Changes since start.</param>
/// <param name="Rejections">Documents rejected since start.</param>
/// <param name="RejectedVersion">The last rejected document's version, or null.</param>
/// <param name="RejectedReason">Why it was rejected, or null.</param>
/// <param name="ReportedAt">When the current state was last reported, or null when it is not yet.</param>
/// <param name="ReportedVia">Over which link it was reported, or null.</param>
public sealed record ControlStatus(
    ControlPlan Plan,
    long DesiredVersion,
    DateTimeOffset ChangedAt,
    long Changes,
    long Rejections,
    long? RejectedVersion,
    string? RejectedReason,
    DateTimeOffset? ReportedAt,
    string? ReportedVia);
