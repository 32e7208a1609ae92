using Edge.Ingest.Analytics.Alarms;
using Edge.Ingest.Analytics.Recompute;
using Edge.Ingest.Analytics.Watch;
using Edge.Ingest.Consumption;
using Edge.Ingest.Registry;
using Edge.Ingest.Storage;
using Microsoft.Extensions.Options;

namespace Edge.Ingest.Analytics.Welfare;

/// <summary>
/// Runs <see cref="WelfareRules"/> over an enrolled meter's stored hours (<see cref="MeterDataLoader"/>) from
/// <see cref="WelfareServiceOptions.Lookback"/> before its earliest changed hour to now, with its upload status
/// (<see cref="CommunicationRule.StatusAt"/>) and the welfare office's settings, and records what it finds in
/// <see cref="WelfareBook"/>. The rules are pure and the book records a finding once, so the same hours judged again (a
/// duplicate batch, a timer tick, a restart) record nothing.
/// </summary>
public sealed class WelfareRecomputer(
    IIngestStore store, IDeviceRegistry registry, WelfareBook book, IOptions<AnalyticsOptions> analytics,
    IOptions<WelfareServiceOptions> options, TimeProvider time)
{
    /// <summary>Recomputes <paramref name="meters"/>; returns the ids that failed (to be tried again).</summary>
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> RecomputeMetersAsync(
        IReadOnlyDictionary<string, DateTimeOffset> meters, Func<string, Exception, bool> onError, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meters);
        ArgumentNullException.ThrowIfNull(onError);
        var failed = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var registrations = await registry.FindManyAsync([.. meters.Keys], cancellationToken);
        foreach (var (meterId, earliest) in meters.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (registrations.GetValueOrDefault(meterId) is not { } meter)
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
            }
        }

        return failed;
    }

    /// <summary>The timer's work: every enrolled household judged at now over the last <see cref="WelfareServiceOptions.Lookback"/>.</summary>
    public async Task TickAsync(Func<string, Exception, bool> onError, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onError);
        var now = time.GetUtcNow();
        foreach (var meter in await registry.ListAsync(cancellationToken))
        {
            try
            {
                await RecomputeMeterAsync(meter, now, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && onError(meter.DeviceId, ex))
            {
                // Judged again at the next tick.
            }
        }
    }

    /// <summary>
    /// One meter's findings from <paramref name="earliest"/> minus the lookback to now; nothing for a meter that is not an
    /// enrolled household's water meter. Returns what was recorded new.
    /// </summary>
    public async Task<IReadOnlyList<WelfareEventResource>> RecomputeMeterAsync(
        DeviceRegistration meter, DateTimeOffset earliest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meter);
        if (meter is not { Kind: DeviceKind.WaterMeter, Meter: not null, Welfare: { Enrolled: true } enrolment })
        {
            return [];
        }

        var now = time.GetUtcNow();
        var from = MeterDataLoader.FloorHour(earliest < now ? earliest : now) - options.Value.Lookback;
        // A day past now, so today's morning is judged as soon as its first use arrives (hours not yet arrived are missing,
        // and the rules judge nothing after asOf).
        var to = MeterDataLoader.CeilHour(now).AddDays(1);
        var all = analytics.Value;
        var thresholds = all.AlarmsFor(meter.Area.Code);

        // Series and contacts from one read; contacts from a lost span before the window, so the upload a silence started
        // from is seen. Late and lost from the device's own upload interval (its registration), as the alarms judge it.
        var interval = meter.Meter.UploadInterval;
        var lostSpan = ((interval ?? thresholds.DefaultUploadInterval) * thresholds.LostAfterIntervals) + thresholds.LateGrace;
        var (series, contacts) = await MeterDataLoader.LoadAsync(store, meter, from, to, from - lostSpan, cancellationToken);
        var communication = CommunicationRule.StatusAt(contacts, interval, now, thresholds);

        var settings = await book.SettingsAsync(enrolment.HouseholdId, cancellationToken);
        var findings = WelfareRules.Evaluate(settings.Watch(enrolment), series, communication, now, all.Welfare, TokyoTime.Zone);

        // Nothing is held back for hours before the meter's first known hour in the window (there was nothing to watch).
        var firstKnown = FirstKnown(series);
        var kept = findings
            .Where(f => f.Kind != WelfareFindingKind.Suppressed || (firstKnown is { } known && f.Evidence.To > known))
            .ToList();
        return await book.RecordAsync(kept, cancellationToken);
    }

    private static DateTimeOffset? FirstKnown(MeterSeries series)
    {
        for (var i = 0; i < series.Count; i++)
        {
            if (series[i].IsEvidence)
            {
                return series[i].Start;
            }
        }

        return null;
    }
}
