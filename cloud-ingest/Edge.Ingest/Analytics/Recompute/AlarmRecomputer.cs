using Edge.Ingest.Analytics.Alarms;
using Edge.Ingest.Consumption;
using Edge.Ingest.Registry;
using Edge.Ingest.Storage;
using Microsoft.Extensions.Options;

namespace Edge.Ingest.Analytics.Recompute;

/// <summary>
/// Recomputes alarms from stored data: a meter's hourly alarms and no communication from
/// <see cref="MeterAlarmRules.Lookback"/> before its earliest changed hour (its series and contacts from one read), its
/// area's pressure-loss events in the hours it flowed back in, no communication of every meter by time alone, and the
/// monthly consumption jump. Rules are pure and the book merges by overlap, so recomputing the same hours again (a
/// duplicate batch, a restart) changes nothing.
/// </summary>
public sealed partial class AlarmRecomputer(
    IIngestStore store, IDeviceRegistry registry, AlarmLedger ledger, IOptions<AnalyticsOptions> options, TimeProvider time)
{
    /// <summary>
    /// Recomputes <paramref name="meters"/> (each from its earliest changed hour) and their areas' pressure loss from
    /// the hours a recomputed meter flowed back in. One call at a time (the worker runs one recomputation at a time).
    /// </summary>
    /// <returns>The ids that failed (to be tried again).</returns>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> RecomputeMetersAsync(
        IReadOnlyDictionary<string, DateTimeOffset> meters, Func<string, Exception, bool> onError, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(onError);
        var failed = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var registrations = await registry.FindManyAsync([.. meters.Keys], cancellationToken);
        var areas = new Dictionary<string, (AreaCode Area, DateTimeOffset From, List<MeterSeries> Touched)>(StringComparer.Ordinal);
        foreach (var (meterId, earliest) in meters.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (registrations.GetValueOrDefault(meterId) is not { Kind: DeviceKind.WaterMeter, Meter: not null } meter)
            {
                continue;
            }

            MeterSeries series;
            try
            {
                series = await RecomputeMeterCoreAsync(meter, earliest, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && onError(meterId, ex))
            {
                failed[meterId] = earliest;
                continue;
            }

            var code = meter.Area.Code;
            var (_, from, touched) = areas.TryGetValue(code, out var known) ? known : (meter.Area, earliest, []);
            touched.Add(series);
            areas[code] = (meter.Area, from < earliest ? from : earliest, touched);
        }

        foreach (var (_, (area, from, touched)) in areas)
        {
            await CheckAreaAsync(area, from, BackflowHours(touched, AreaWindow(from)), touched, onError, cancellationToken);
        }

        await RetryAreasAsync(onError, cancellationToken);
        return failed;
    }

    /// <summary>One meter's hourly alarms and no communication, from <paramref name="earliest"/> minus the lookback to now.</summary>
    public Task RecomputeMeterAsync(DeviceRegistration meter, DateTimeOffset earliest, CancellationToken cancellationToken) =>
        RecomputeMeterCoreAsync(meter, earliest, cancellationToken);

    /// <summary>
    /// <see cref="MeterAlarmRules.Lookback"/> of the rules judged: the stuck-meter span (30 days) counts only for an
    /// account marked occupied; otherwise the longest window is the night rule's (4 days).
    /// </summary>
    public static TimeSpan Lookback(MeterAlarmOptions thresholds, bool occupied)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        if (occupied)
        {
            return MeterAlarmRules.Lookback(thresholds);
        }

        var judged = thresholds.Copy();
        judged.StuckDays = 0;
        return MeterAlarmRules.Lookback(judged);
    }

    // The meter's series and contacts come from one read of the store; the series is returned for its area's check.
    private async Task<MeterSeries> RecomputeMeterCoreAsync(DeviceRegistration meter, DateTimeOffset earliest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meter);
        var all = options.Value;
        var thresholds = all.AlarmsFor(meter.Area.Code);
        var occupied = meter.Meter?.Occupied ?? false;
        var interval = meter.Meter?.UploadInterval;
        var now = time.GetUtcNow();
        var from = MeterDataLoader.FloorHour(earliest) - Lookback(thresholds, occupied);
        var to = MeterDataLoader.CeilHour(now > earliest ? now : earliest.AddHours(1));
        var (series, contacts) = await MeterDataLoader.LoadAsync(
            store, meter, from, to, from - ContactMargin(thresholds, interval), cancellationToken);
        await ledger.ApplyAsync(
            book => occupied
                ? MeterAlarmRecompute.Run(book, series, contacts, interval, occupied, now, all)
                : [.. MeterAlarmRecompute.Run(book, series, contacts, interval, occupied, now, all), .. WithdrawStuck(book, meter.DeviceId, to)],
            _ => (meter.Area.Code, meter.DeviceId), cancellationToken);
        if (earliest < MonthStart(now))
        {
            await RecomputeJumpAsync(meter, now, cancellationToken);
        }

        return series;
    }

    // An account no longer marked occupied is not judged for stuck meter, so an open stuck-meter alarm would never
    // clear: it is withdrawn (cleared, the reason says so) from its start.
    private static IReadOnlyList<AlarmChange> WithdrawStuck(AlarmBook book, string meterId, DateTimeOffset to)
    {
        var open = book.Of(meterId, AlarmKind.StuckMeter).Where(a => a.IsOpen).ToList();
        return open.Count == 0
            ? []
            : book.Apply(meterId, [AlarmKind.StuckMeter], new HourWindow(open.Min(a => a.Key.Start), to), []);
    }

    /// <summary>The consumption jump of <paramref name="meter"/> over the 13 whole local months before <paramref name="now"/>.</summary>
    public async Task RecomputeJumpAsync(DeviceRegistration meter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meter);
        var local = TimeZoneInfo.ConvertTime(now, TokyoTime.Zone);
        var first = new DateOnly(local.Year, local.Month, 1).AddMonths(-JumpMonths);
        var boundaries = ConsumptionBoundaries.Monthly(first, JumpMonths, TokyoTime.Zone);
        var intervals = await Apis.ConsumptionLoader.LoadAsync(store, meter, boundaries, cancellationToken);
        var months = intervals.Select((m, i) => new MonthlyVolume(first.AddMonths(i), m.VolumeM3, m.Quality.Quality)).ToList();
        var thresholds = options.Value.AlarmsFor(meter.Area.Code);
        var episodes = ConsumptionJumpRule.Evaluate(meter.DeviceId, months, thresholds, TokyoTime.Zone);
        await ledger.ApplyAsync(
            book => book.Apply(meter.DeviceId, [AlarmKind.ConsumptionJump], new HourWindow(boundaries[0], boundaries[^1]), episodes),
            _ => (meter.Area.Code, meter.DeviceId), cancellationToken);
    }
}
