using Edge.Ingest.Analytics.Alarms;

namespace Edge.Ingest.Analytics.Recompute;

/// <summary>An alarm of the book with what the API shows beside it.</summary>
/// <param name="Alarm">The alarm and its history.</param>
/// <param name="Id">Stable opaque id (<see cref="AlarmLedger.IdOf"/>).</param>
/// <param name="AreaId">The area.</param>
/// <param name="MeterId">The meter; null for an area alarm.</param>
/// <param name="ChangeTimes">When each change of the history was recorded, same order.</param>
public sealed record AlarmView(Alarm Alarm, string Id, string AreaId, string? MeterId, IReadOnlyList<DateTimeOffset> ChangeTimes)
{
    /// <summary>When the latest change was recorded.</summary>
    public DateTimeOffset UpdatedAt => ChangeTimes[^1];

    /// <summary>The resource of API.md; with its history when <paramref name="withHistory"/>.</summary>
    public AlarmResource ToResource(bool withHistory)
    {
        var alarm = Alarm;
        return new AlarmResource(
            Id, MeterId, AreaId, AlarmKindNames.Name(alarm.Key.Kind), alarm.IsOpen ? "open" : "cleared", alarm.Acknowledged,
            alarm.Latching, alarm.Key.Start, alarm.ConfirmedUntil, alarm.ClearedAt ?? alarm.OperatorClearedAt, alarm.ValueM3,
            alarm.Detail, UpdatedAt,
            withHistory
                ? [.. alarm.History.Select((c, i) => new AlarmChangeResource(
                    AlarmKindNames.Name(c.Kind), ChangeTimes[i], new AlarmEvidence(c.Evidence.From, c.Evidence.To), c.Detail, c.ValueM3, c.Operator))]
                : null);
    }
}
