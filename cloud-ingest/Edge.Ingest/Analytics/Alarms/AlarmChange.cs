namespace Edge.Ingest.Analytics.Alarms;

/// <summary>One change of an alarm, kept with the hours that caused it.</summary>
/// <param name="Key">The alarm.</param>
/// <param name="Kind">What changed.</param>
/// <param name="Evidence">The reading window behind the change (for an operator action, the alarm's window so far).</param>
/// <param name="Detail">The sentence shown with it.</param>
/// <param name="ValueM3">The alarm's figure after the change, when it has one.</param>
/// <param name="Operator">Who acted, for operator changes.</param>
/// <param name="OperatorAt">When the operator acted.</param>
public sealed record AlarmChange(
    AlarmKey Key,
    AlarmChangeKind Kind,
    HourWindow Evidence,
    string Detail,
    decimal? ValueM3 = null,
    string? Operator = null,
    DateTimeOffset? OperatorAt = null);
