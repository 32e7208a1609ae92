namespace Edge.Ingest.Storage;

/// <summary>
/// Meter and area alarms (issue 8) with every change (tables <c>alarms</c> and <c>alarm_changes</c>), implemented by
/// both stores beside <see cref="IIngestStore"/>. The ingest keeps the alarm book in memory, loads it from here at
/// start and writes every change here before it is shown or published.
/// </summary>
public interface IAlarmStore
{
    /// <summary>Every alarm with its whole history (oldest change first).</summary>
    Task<IReadOnlyList<StoredAlarm>> LoadAlarmsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction: stores each alarm's state (replacing the stored state of the same id) and appends the changes in
    /// its <see cref="StoredAlarm.History"/>; a change whose ordinal is already stored for the alarm is kept as stored.
    /// </summary>
    Task SaveAlarmsAsync(IReadOnlyList<StoredAlarm> alarms, CancellationToken cancellationToken);
}
