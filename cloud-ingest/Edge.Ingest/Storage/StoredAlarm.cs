namespace Edge.Ingest.Storage;

/// <summary>An alarm as stored: its key, its state and (when loaded) its changes.</summary>
/// <param name="Id">Stable opaque id (derived from the key).</param>
/// <param name="SubjectId">The meter, or the area for an area alarm.</param>
/// <param name="Kind">Kind name (<see cref="Analytics.Alarms.AlarmKindNames"/>).</param>
/// <param name="StartUnixMs">Start of the condition's first hour: with subject and kind, the alarm's key.</param>
/// <param name="AreaId">The area the subject is in.</param>
/// <param name="MeterId">The meter; null for an area alarm.</param>
/// <param name="Latching">Whether only an operator clears it.</param>
/// <param name="ConfirmedUntilUnixMs">End of the latest hour that showed the condition.</param>
/// <param name="ClearedUnixMs">Where data cleared it; null otherwise.</param>
/// <param name="OperatorClearedUnixMs">When an operator cleared it; null otherwise.</param>
/// <param name="Acknowledged">Whether an operator acknowledged it.</param>
/// <param name="Detail">The latest sentence.</param>
/// <param name="ValueM3">The latest figure.</param>
/// <param name="UpdatedUnixMs">When its latest change was recorded.</param>
/// <param name="History">Changes, by ordinal (all of them when loaded; those to append when saved).</param>
public sealed record StoredAlarm(
    string Id,
    string SubjectId,
    string Kind,
    long StartUnixMs,
    string AreaId,
    string? MeterId,
    bool Latching,
    long ConfirmedUntilUnixMs,
    long? ClearedUnixMs,
    long? OperatorClearedUnixMs,
    bool Acknowledged,
    string Detail,
    decimal? ValueM3,
    long UpdatedUnixMs,
    IReadOnlyList<StoredAlarmChange> History);
