namespace Edge.Ingest.Analytics.Alarms;

public sealed partial class AlarmBook
{
    /// <summary>
    /// Puts back an alarm read from storage (after a restart), with its whole history, so that recomputing the same
    /// hours finds it and raises nothing again. Replaces an alarm with the same key.
    /// </summary>
    public void Restore(Alarm alarm)
    {
        ArgumentNullException.ThrowIfNull(alarm);
        var list = ListOf(alarm.Key.SubjectId, alarm.Key.Kind);
        var index = list.FindIndex(a => a.Key == alarm.Key);
        if (index >= 0)
        {
            list[index] = alarm;
        }
        else
        {
            list.Add(alarm);
        }

        _byKey[alarm.Key] = alarm;
    }
}
