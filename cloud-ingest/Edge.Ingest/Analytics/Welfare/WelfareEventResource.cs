namespace Edge.Ingest.Analytics.Welfare;

/// <summary>A welfare event as <c>GET /v1/welfare/events</c> and the stream show it (API.md "Welfare").</summary>
/// <param name="Id">Stable opaque id (32 hex digits).</param>
/// <param name="HouseholdId">The household (never a meter, name or address).</param>
/// <param name="Kind">good-morning, no-morning-use, no-use, no-use-escalated, continuous-use or suppressed.</param>
/// <param name="Held">For suppressed: the alert held back; null otherwise.</param>
/// <param name="At">When the finding holds.</param>
/// <param name="Evidence">The hours behind it.</param>
/// <param name="Detail">One sentence for the welfare office.</param>
/// <param name="FirstSeen">When the service first found it.</param>
/// <param name="Acknowledged">Whether someone acknowledged it.</param>
/// <param name="AcknowledgedBy">Who; null while not acknowledged.</param>
/// <param name="AcknowledgedAt">When; null while not acknowledged.</param>
public sealed record WelfareEventResource(
    string Id,
    string HouseholdId,
    string Kind,
    string? Held,
    DateTimeOffset At,
    WelfareEvidence Evidence,
    string Detail,
    DateTimeOffset FirstSeen,
    bool Acknowledged,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt);
