namespace Edge.Ingest.Storage;

/// <summary>A welfare event as stored. It names the household only: never a meter, name or address.</summary>
/// <param name="Id">Stable opaque id: 32 hex digits of SHA-256 over household, kind, held kind and evidence start.</param>
/// <param name="HouseholdId">The welfare office's household id.</param>
/// <param name="Kind">Kind name (<c>good-morning</c>, <c>no-morning-use</c>, ... <c>suppressed</c>).</param>
/// <param name="HeldKind">For <c>suppressed</c>: the alert held back; null otherwise.</param>
/// <param name="AtUnixMs">When the finding holds.</param>
/// <param name="EvidenceFromUnixMs">Start of the hours behind it.</param>
/// <param name="EvidenceToUnixMs">End of the hours behind it.</param>
/// <param name="Detail">One sentence for the welfare office.</param>
/// <param name="FirstSeenUnixMs">When the service first found it.</param>
/// <param name="AcknowledgedBy">Who acknowledged it; null while not acknowledged.</param>
/// <param name="AcknowledgedUnixMs">When it was acknowledged; null while not acknowledged.</param>
public sealed record StoredWelfareEvent(
    string Id,
    string HouseholdId,
    string Kind,
    string? HeldKind,
    long AtUnixMs,
    long EvidenceFromUnixMs,
    long EvidenceToUnixMs,
    string Detail,
    long FirstSeenUnixMs,
    string? AcknowledgedBy,
    long? AcknowledgedUnixMs);
