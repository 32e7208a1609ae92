namespace Edge.Ingest.Analytics.Alarms;

/// <summary>An alarm as the book holds it: its state and every change, oldest first.</summary>
/// <param name="Key">Subject, kind and start hour.</param>
/// <param name="ConfirmedUntil">End of the latest hour that showed the condition.</param>
/// <param name="ClearedAt">Start of the hours that cleared it (data time); null while open.</param>
/// <param name="OperatorClearedAt">When an operator cleared it; null otherwise.</param>
/// <param name="Acknowledged">Whether an operator acknowledged it.</param>
/// <param name="Detail">The latest sentence.</param>
/// <param name="ValueM3">The latest figure.</param>
/// <param name="Latching">Whether only an operator clears it.</param>
/// <param name="History">Every change.</param>
public sealed record Alarm(
    AlarmKey Key,
    DateTimeOffset ConfirmedUntil,
    DateTimeOffset? ClearedAt,
    DateTimeOffset? OperatorClearedAt,
    bool Acknowledged,
    string Detail,
    decimal? ValueM3,
    bool Latching,
    IReadOnlyList<AlarmChange> History)
{
    /// <summary>Whether the alarm is open.</summary>
    public bool IsOpen => ClearedAt is null && OperatorClearedAt is null;

    /// <summary>The end of the span the alarm covers: where data cleared it, an operator cleared it, or open-ended.</summary>
    internal DateTimeOffset HeldUntil => ClearedAt ?? OperatorClearedAt ?? DateTimeOffset.MaxValue;
}
