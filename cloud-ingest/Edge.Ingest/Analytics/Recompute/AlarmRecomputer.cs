using Edge.Ingest.Analytics.Alarms;
using Edge.Ingest.Consumption;
using Edge.Ingest.Registry;
using Edge.Ingest.Storage;
using Microsoft.Extensions.Options;

namespace Edge.Ingest.Analytics.Recompute;

/// <summary>
/// Recomputes alarms from stored data: a meter's hourly alarms and no communication from
/// <see cref="MeterAlarmRules.Lookback"/> before its earliest changed hour, its area's pressure-loss events over the
/// changed hours, no communication of every meter by time alone, and the monthly consumption jump. Rules are pure and
/// the book merges by overlap, so recomputing the same hours again (a duplicate batch, a restart) changes nothing.
/// </summary>
public sealed partial class AlarmRecomputer(
    IIngestStore store, IDeviceRegistry registry, AlarmLedger ledger, IOptions<AnalyticsOptions> options, TimeProvider time)
{
    /// <summary>Recomputes <paramref name="meters"/> (each from its earliest changed hour) and their areas' events.</summary>
    /// <returns>The ids that failed (to be tried again).</returns>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> RecomputeMetersAsync(
        IReadOnlyDictionary<string, DateTimeOffset> meters, Func<string, Exception, bool> onError, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(onError);
        var failed = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var registrations = await registry.FindManyAsync([.. meters.Keys], cancellationToken);
        var areas = new Dictionary<string, (AreaCode Area, DateTimeOffset From)>(StringComparer.Ordinal);
        foreach (var (meterId, earliest) in meters.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (registrations.GetValueOrDefault(meterId) is not { Kind: DeviceKind.WaterMeter, Meter: not null } meter)
            {
                continue;
            }

            try
            {
                await RecomputeMeterAsync(meter, earliest, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && onError(meterId, ex))
            {
                failed[meterId] = earliest;
                continue;
            }

            var code = meter.Area.Code;
            areas[code] = areas.TryGetValue(code, out var known) && known.From < earliest ? known : (meter.Area, earliest);
        }

        foreach (var (code, (area, from)) in areas)
        {
            try
            {
                await RecomputeAreaAsync(area, from, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && onError(code, ex))
            {
                // The area is judged again with the next batch of any of its meters.
            }
        }

        return failed;
    }

    /// <summary>One meter's hourly alarms and no communication, from <paramref name="earliest"/> minus the lookback to now.</summary>
    public async Task RecomputeMeterAsync(DeviceRegistration meter, DateTimeOffset earliest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meter);
        var all = options.Value;
        var thresholds = all.AlarmsFor(meter.Area.Code);
        var occupied = meter.Meter?.Occupied ?? false;
        var interval = meter.Meter?.UploadInterval;
        var now = time.GetUtcNow();
        var from = MeterDataLoader.FloorHour(earliest) - Lookback(thresholds, occupied);
        var to = MeterDataLoader.CeilHour(now > earliest ? now : earliest.AddHours(1));
        var series = await MeterDataLoader.SeriesAsync(store, meter, from, to, cancellationToken);
        var contacts = await MeterDataLoader.ContactsAsync(store, meter.DeviceId, from - ContactMargin(thresholds, interval), cancellationToken);
        await ledger.ApplyAsync(
            book => MeterAlarmRecompute.Run(book, series, contacts, interval, occupied, now, all),
            _ => (meter.Area.Code, meter.DeviceId), cancellationToken);
        if (earliest < MonthStart(now))
        {
            await RecomputeJumpAsync(meter, now, cancellationToken);
        }
    }

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

    /// <summary>Pressure-loss events of <paramref name="area"/> from a day before <paramref name="earliest"/> to now.</summary>
    public async Task RecomputeAreaAsync(AreaCode area, DateTimeOffset earliest, CancellationToken cancellationToken)
    {
        var thresholds = options.Value.AlarmsFor(area.Code);
        var now = time.GetUtcNow();
        var from = MeterDataLoader.FloorHour(earliest).AddDays(-1);
        var to = MeterDataLoader.CeilHour(now > earliest ? now : earliest.AddHours(1));
        var series = new List<MeterSeries>();
        foreach (var meter in await registry.ListByAreaAsync(area, cancellationToken))
        {
            if (meter is { Kind: DeviceKind.WaterMeter, Meter: not null })
            {
                series.Add(await MeterDataLoader.SeriesAsync(store, meter, from, to, cancellationToken));
            }
        }

        var window = new HourWindow(from, to);
        var episodes = PressureLossEpisodes.From(area.Code, PressureLossRule.Evaluate(series, thresholds), window);
        await ledger.ApplyAsync(
            book => book.Apply(area.Code, [AlarmKind.SuspectedPressureLoss], window, episodes),
            _ => (area.Code, null), cancellationToken);
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
