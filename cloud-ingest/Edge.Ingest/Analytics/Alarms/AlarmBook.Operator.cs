namespace Edge.Ingest.Analytics.Alarms;

public sealed partial class AlarmBook
{
    /// <summary>An operator acknowledges the alarm <paramref name="key"/> at <paramref name="at"/>.</summary>
    public AlarmCommandResult Acknowledge(AlarmKey key, string operatorId, DateTimeOffset at, out AlarmChange? change) =>
        Acknowledge(key, operatorId, null, at, out change);

    /// <summary>An operator acknowledges the alarm <paramref name="key"/> at <paramref name="at"/>, with a note kept in the change.</summary>
    public AlarmCommandResult Acknowledge(AlarmKey key, string operatorId, string? note, DateTimeOffset at, out AlarmChange? change)
    {
        ArgumentException.ThrowIfNullOrEmpty(operatorId);
        change = null;
        if (!_byKey.TryGetValue(key, out var alarm))
        {
            return AlarmCommandResult.NotFound;
        }

        if (alarm.Acknowledged)
        {
            return AlarmCommandResult.AlreadyDone;
        }

        var detail = string.IsNullOrWhiteSpace(note) ? "Acknowledged by an operator." : $"Acknowledged by an operator: {note}";
        change = OperatorChange(alarm, AlarmChangeKind.Acknowledged, detail, operatorId, at);
        Store(alarm with { Acknowledged = true, History = [.. alarm.History, change] });
        return AlarmCommandResult.Done;
    }

    /// <summary>
    /// An operator clears the alarm <paramref name="key"/> at <paramref name="at"/> (the only way a latching tamper
    /// alarm clears). Later data of the same condition starting before <paramref name="at"/> stays with this alarm; a
    /// condition starting at or after it is a new alarm.
    /// </summary>
    public AlarmCommandResult ClearByOperator(AlarmKey key, string operatorId, DateTimeOffset at, out AlarmChange? change)
    {
        ArgumentException.ThrowIfNullOrEmpty(operatorId);
        change = null;
        if (!_byKey.TryGetValue(key, out var alarm))
        {
            return AlarmCommandResult.NotFound;
        }

        if (!alarm.IsOpen)
        {
            return AlarmCommandResult.AlreadyDone;
        }

        change = OperatorChange(alarm, AlarmChangeKind.Cleared, "Cleared by an operator.", operatorId, at);
        Store(alarm with { OperatorClearedAt = at, History = [.. alarm.History, change] });
        return AlarmCommandResult.Done;
    }

    private static AlarmChange OperatorChange(Alarm alarm, AlarmChangeKind kind, string detail, string operatorId, DateTimeOffset at) =>
        new(alarm.Key, kind, new HourWindow(alarm.Key.Start, alarm.ConfirmedUntil), detail, alarm.ValueM3, operatorId, at);

    private void Store(Alarm alarm)
    {
        var list = ListOf(alarm.Key.SubjectId, alarm.Key.Kind);
        list[list.FindIndex(a => a.Key == alarm.Key)] = alarm;
        _byKey[alarm.Key] = alarm;
    }
}
