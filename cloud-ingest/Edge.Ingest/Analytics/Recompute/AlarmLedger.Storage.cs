using Edge.Ingest.Analytics.Alarms;
using Edge.Ingest.Storage;

namespace Edge.Ingest.Analytics.Recompute;

public sealed partial class AlarmLedger
{
    private async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (!_loaded)
        {
            await ReloadAsync(cancellationToken);
        }
    }

    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        _loaded = false;
        _book = new AlarmBook();
        _views.Clear();
        _byId.Clear();
        foreach (var row in await store.LoadAlarmsAsync(cancellationToken))
        {
            if (!AlarmKindNames.TryParse(row.Kind, out AlarmKind kind) || row.History.Count == 0)
            {
                AlarmLog.Unreadable(logger, row.Id, row.Kind);
                continue;
            }

            var key = new AlarmKey(row.SubjectId, kind, DateTimeOffset.FromUnixTimeMilliseconds(row.StartUnixMs));
            var history = new List<AlarmChange>(row.History.Count);
            foreach (var change in row.History)
            {
                AlarmKindNames.TryParse(change.Kind, out AlarmChangeKind changeKind);
                history.Add(new AlarmChange(
                    key, changeKind,
                    new HourWindow(DateTimeOffset.FromUnixTimeMilliseconds(change.EvidenceFromUnixMs), DateTimeOffset.FromUnixTimeMilliseconds(change.EvidenceToUnixMs)),
                    change.Detail, change.ValueM3, change.Operator,
                    change.Operator is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(change.AtUnixMs)));
            }

            var alarm = new Alarm(
                key, DateTimeOffset.FromUnixTimeMilliseconds(row.ConfirmedUntilUnixMs), Time(row.ClearedUnixMs), Time(row.OperatorClearedUnixMs),
                row.Acknowledged, row.Detail, row.ValueM3, row.Latching, history);
            _book.Restore(alarm);
            var times = row.History.Select(c => DateTimeOffset.FromUnixTimeMilliseconds(c.AtUnixMs)).ToList();
            _views[key] = new AlarmView(alarm, row.Id, row.AreaId, row.MeterId, times);
            _byId[row.Id] = key;
        }

        _loaded = true;
    }

    private static StoredAlarm ToRow(AlarmView view, int firstNew)
    {
        var alarm = view.Alarm;
        var changes = new List<StoredAlarmChange>();
        for (var i = firstNew; i < alarm.History.Count; i++)
        {
            var c = alarm.History[i];
            changes.Add(new StoredAlarmChange(
                i, AlarmKindNames.Name(c.Kind), c.Evidence.From.ToUnixTimeMilliseconds(), c.Evidence.To.ToUnixTimeMilliseconds(),
                c.Detail, c.ValueM3, c.Operator, view.ChangeTimes[i].ToUnixTimeMilliseconds()));
        }

        return new StoredAlarm(
            view.Id, alarm.Key.SubjectId, AlarmKindNames.Name(alarm.Key.Kind), alarm.Key.Start.ToUnixTimeMilliseconds(), view.AreaId,
            view.MeterId, alarm.Latching, alarm.ConfirmedUntil.ToUnixTimeMilliseconds(), alarm.ClearedAt?.ToUnixTimeMilliseconds(),
            alarm.OperatorClearedAt?.ToUnixTimeMilliseconds(), alarm.Acknowledged, alarm.Detail, alarm.ValueM3,
            view.UpdatedAt.ToUnixTimeMilliseconds(), changes);
    }

    private static DateTimeOffset? Time(long? unixMs) => unixMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
}
