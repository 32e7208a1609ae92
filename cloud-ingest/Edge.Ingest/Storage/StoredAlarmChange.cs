namespace Edge.Ingest.Storage;

/// <summary>One stored change of an alarm.</summary>
/// <param name="Ordinal">Position in the alarm's history, from 0.</param>
/// <param name="Kind">raised, confirmed, cleared or acknowledged.</param>
/// <param name="EvidenceFromUnixMs">Start of the reading window behind the change.</param>
/// <param name="EvidenceToUnixMs">End of that window (exclusive).</param>
/// <param name="Detail">The sentence shown with it.</param>
/// <param name="ValueM3">The alarm's figure after the change.</param>
/// <param name="Operator">Who acted, for operator changes.</param>
/// <param name="AtUnixMs">When the change was recorded (for an operator change, when the operator acted).</param>
public sealed record StoredAlarmChange(
    int Ordinal,
    string Kind,
    long EvidenceFromUnixMs,
    long EvidenceToUnixMs,
    string Detail,
    decimal? ValueM3,
    string? Operator,
    long AtUnixMs);
