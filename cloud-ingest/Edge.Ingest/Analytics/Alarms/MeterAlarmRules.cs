namespace Edge.Ingest.Analytics.Alarms;

/// <summary>
/// The hourly meter alarms of issue 8 over one meter's series: continuous leak, night flow, burst, backflow, tamper,
/// dry pipe, low battery and stuck meter. Pure and deterministic: no clock is read, local time comes from the zone
/// passed in, and the same series always gives the same episodes. A run of hours that raises an alarm is made of
/// evidence hours only (<see cref="MeterHour.IsEvidence"/>): an estimated or missing hour restarts it, and never
/// clears an open alarm. Flag alarms read the flags of every hour a reading arrived for.
/// </summary>
public static partial class MeterAlarmRules
{
    /// <summary>All hourly alarms of <paramref name="series"/>.</summary>
    /// <param name="series">The meter's hours.</param>
    /// <param name="options">Thresholds (after per-area overrides).</param>
    /// <param name="zone">Local time zone (<see cref="Consumption.TokyoTime.Zone"/>).</param>
    /// <param name="occupied">Whether the account is marked occupied (stuck meter is only judged then).</param>
    /// <param name="openBefore">
    /// For the kinds announced by change (<see cref="AlarmKind.MeterFault"/>, <see cref="AlarmKind.AbnormalValue"/>): the
    /// start of the meter's alarm still open from before the series, if any.
    /// </param>
    public static IReadOnlyList<AlarmEpisode> Evaluate(
        MeterSeries series, MeterAlarmOptions options, TimeZoneInfo zone, bool occupied,
        IReadOnlyDictionary<AlarmKind, DateTimeOffset>? openBefore = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(zone);
        var all = new List<AlarmEpisode>();
        all.AddRange(ContinuousLeak(series, options));
        all.AddRange(NightFlow(series, options, zone));
        all.AddRange(Burst(series, options));
        all.AddRange(Backflow(series));
        all.AddRange(Tamper(series));
        all.AddRange(DryPipe(series));
        all.AddRange(LowBattery(series));
        all.AddRange(MeterFault(series, Since(openBefore, AlarmKind.MeterFault)));
        all.AddRange(AbnormalValue(series, Since(openBefore, AlarmKind.AbnormalValue)));
        if (occupied)
        {
            all.AddRange(StuckMeter(series, options));
        }

        return all;
    }

    /// <summary>The kinds a meter announces by change (a set flag and a cleared flag), so an alarm can outlast the window.</summary>
    public static IReadOnlyList<AlarmKind> AnnouncedKinds { get; } = [AlarmKind.MeterFault, AlarmKind.AbnormalValue];

    private static DateTimeOffset? Since(IReadOnlyDictionary<AlarmKind, DateTimeOffset>? openBefore, AlarmKind kind) =>
        openBefore is not null && openBefore.TryGetValue(kind, out var since) ? since : null;

    /// <summary>
    /// How many hours before a changed hour a recomputation must start so that every rule sees its whole window: the
    /// stuck-meter span, with a margin of two days for the night rules.
    /// </summary>
    public static TimeSpan Lookback(MeterAlarmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var nights = TimeSpan.FromDays(options.NightFlowClearNights + 2);
        var longest = TimeSpan.FromHours(Math.Max(options.LeakHours, options.StuckDays * 24));
        return longest > nights ? longest : nights;
    }

    private static HourWindow Window(MeterSeries series, int first, int last) => new(series[first].Start, series[last].End);
}
