using Edge.Ingest.Consumption;

namespace Edge.Ingest.Analytics.Alarms;

/// <summary>
/// The seam the ingest calls when a meter's hours change (new or backfilled data): runs every meter rule with the
/// meter's area thresholds over the series and merges the episodes into the book. The series should start
/// <see cref="MeterAlarmRules.Lookback"/> before the earliest changed hour so that every rule sees its whole window.
/// </summary>
public static class MeterAlarmRecompute
{
    /// <summary>Kinds judged from the hourly series (all but no communication and consumption jump).</summary>
    public static IReadOnlyList<AlarmKind> HourlyKinds { get; } =
    [
        AlarmKind.ContinuousLeak, AlarmKind.NightFlow, AlarmKind.Burst, AlarmKind.Backflow, AlarmKind.Tamper,
        AlarmKind.DryPipe, AlarmKind.LowBattery, AlarmKind.StuckMeter, AlarmKind.MeterFault, AlarmKind.AbnormalValue,
    ];

    /// <summary>Recomputes the hourly alarms and no communication of one meter; returns the changes for the stream.</summary>
    /// <param name="book">The alarms so far.</param>
    /// <param name="series">The meter's hours over the recomputed window (with lookback).</param>
    /// <param name="contacts">Receipt times of the meter's uploads, ascending.</param>
    /// <param name="uploadInterval">The device's expected upload interval; null for the default.</param>
    /// <param name="occupied">Whether the account is marked occupied.</param>
    /// <param name="asOf">The moment of the recomputation (for no communication).</param>
    /// <param name="options">All thresholds; the meter's area overrides apply.</param>
    public static IReadOnlyList<AlarmChange> Run(
        AlarmBook book, MeterSeries series, IReadOnlyList<DateTimeOffset> contacts, TimeSpan? uploadInterval, bool occupied,
        DateTimeOffset asOf, AnalyticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        var thresholds = options.AlarmsFor(series.AreaId);
        var window = new HourWindow(series.From, series.To);
        // A fault or abnormal value still open from before the window: only its cleared flag, maybe in this window, ends it.
        var openBefore = new Dictionary<AlarmKind, DateTimeOffset>();
        foreach (var kind in MeterAlarmRules.AnnouncedKinds)
        {
            foreach (var alarm in book.Of(series.MeterId, kind))
            {
                if (alarm.IsOpen && alarm.Key.Start < window.From)
                {
                    openBefore[kind] = alarm.Key.Start;
                }
            }
        }

        var hourly = MeterAlarmRules.Evaluate(series, thresholds, TokyoTime.Zone, occupied, openBefore);
        var kinds = occupied ? HourlyKinds : [.. HourlyKinds.Where(k => k != AlarmKind.StuckMeter)];
        var changes = new List<AlarmChange>(book.Apply(series.MeterId, kinds, window, hourly));
        var silence = CommunicationRule.Evaluate(series.MeterId, contacts, uploadInterval, asOf, thresholds);
        changes.AddRange(book.Apply(series.MeterId, [AlarmKind.NoCommunication], window, silence));
        return changes;
    }
}
