using System.Text.Json;
using Edge.Ingest.Analytics.Areas;
using Edge.Ingest.Apis;
using Edge.Ingest.Consumption;
using Edge.Ingest.Normalisation;
using Edge.Ingest.Registry;

namespace Edge.Ingest.Analytics.AreaService;

public sealed partial class AreaStatusService
{
    private async Task<AreaEntry> EvaluateAreaAsync(
        StatusArea area, IReadOnlyList<DeviceRegistration> meters, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var nowHour = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
        var windowStart = nowHour.AddHours(-o.StatusWindowHours);
        var historyStart = windowStart.AddDays(-7 * o.BaselineWeeks);
        var boundaries = ConsumptionBoundaries.Hourly(historyStart, nowHour);
        var hours = new decimal?[boundaries.Count - 1][];
        for (var h = 0; h < hours.Length; h++)
        {
            hours[h] = new decimal?[meters.Count];
        }

        for (var m = 0; m < meters.Count; m++)
        {
            var intervals = await ConsumptionLoader.LoadAsync(store, meters[m], boundaries, cancellationToken);
            for (var h = 0; h < intervals.Count; h++)
            {
                // An estimated volume is spread over hours nobody measured: it would hide a zero, so it counts as silence.
                hours[h][m] = intervals[h].Quality.Quality == ReadingQuality.Estimated ? null : intervals[h].VolumeM3;
            }
        }

        var statusOptions = await OptionsForAsync(area, meters, cancellationToken);
        var snapshot = Judge(
            new AreaMeters(area.Id, [.. meters.Select(m => m.DeviceId)]), boundaries, hours,
            (int)((windowStart - historyStart).Ticks / TimeSpan.TicksPerHour), statusOptions, o, nowHour);
        return new AreaEntry(area, meters.Count, snapshot);
    }

    /// <summary>
    /// The status after the newest hour with data: baseline from the hours before <paramref name="windowIndex"/>
    /// (only hours some meter reported; a slot needs <see cref="AreaServiceOptions.MinBaselineWeeks"/> of them), then
    /// the window's hours up to that newest hour. Null when no meter ever reported.
    /// </summary>
    public static AreaStatusSnapshot? Judge(
        AreaMeters meters, IReadOnlyList<DateTimeOffset> boundaries, decimal?[][] hours, int windowIndex,
        AreaStatusOptions statusOptions, AreaServiceOptions o, DateTimeOffset nowHour)
    {
        static bool Reported(decimal?[] volumes) => volumes.Any(v => v is not null);
        var history = new List<AreaHour>();
        var weeks = new int[HourOfWeek.Count];
        for (var h = 0; h < windowIndex; h++)
        {
            if (Reported(hours[h]))
            {
                history.Add(new AreaHour(boundaries[h], hours[h]));
                weeks[HourOfWeek.Of(boundaries[h], TokyoTime.Zone)]++;
            }
        }

        var built = AreaBaselineBuilder.Build(meters, history, statusOptions, TokyoTime.Zone);
        var baseline = new AreaBaseline(meters);
        for (var slot = 0; slot < HourOfWeek.Count; slot++)
        {
            if (weeks[slot] >= o.MinBaselineWeeks && built.MedianVolumeM3(slot) is { } median)
            {
                baseline.Set(slot, median, built.ActiveFlags(slot)!);
            }
        }

        var edge = hours.Length - 1;
        while (edge >= windowIndex && !Reported(hours[edge]))
        {
            edge--;
        }

        if (edge < windowIndex)
        {
            // Nothing in the window: silence, never an outage. Known meters that went quiet are "communications lost".
            var last = Array.FindLastIndex(hours, Reported);
            return last < 0 ? null : Silent(meters, boundaries[last], nowHour);
        }

        var engine = new AreaStatusEngine(baseline, statusOptions, TokyoTime.Zone);
        for (var h = windowIndex; h <= edge; h++)
        {
            engine.Step(new AreaHour(boundaries[h], hours[h]));
        }

        var snapshot = engine.Current!;
        var stale = nowHour - snapshot.Hour.AddHours(1);
        return stale <= TimeSpan.FromHours(o.StaleAfterHours) ? snapshot : snapshot with
        {
            Status = AreaStatusKind.CommunicationsLost,
            Since = snapshot.Hour.AddHours(1),
            Detail = AnalyticsText.Of($"No meter has reported for {(int)stale.TotalHours} h (more than {o.StaleAfterHours} h); the last figures: {snapshot.Detail}"),
        };
    }

    private static AreaStatusSnapshot Silent(AreaMeters meters, DateTimeOffset lastHour, DateTimeOffset nowHour) =>
        new(meters.AreaId, lastHour, AreaStatusKind.CommunicationsLost, lastHour.AddHours(1),
            meters.Count, 0, 0, 0m, 0m, null, 0, 0, 0, 0m,
            AnalyticsText.Of($"No meter of {meters.Count} has reported for {(int)(nowHour - lastHour.AddHours(1)).TotalHours} h."));

    /// <summary>
    /// The thresholds of <paramref name="area"/>: configured per area, households per meter from the catalogue unless
    /// configured, and disaster mode when configured or when a gateway serving the area's meters is in disaster mode
    /// (its desired document sets it on, or its last report says it is on).
    /// </summary>
    private async Task<AreaStatusOptions> OptionsForAsync(StatusArea area, IReadOnlyList<DeviceRegistration> meters, CancellationToken cancellationToken)
    {
        var settings = analytics.Value;
        var result = settings.AreaStatusFor(area.Id).Copy();
        var configured = settings.Areas.TryGetValue(area.Id, out var areaOverride) ? areaOverride : null;
        if (configured?.HouseholdsPerMeter is null && area.HouseholdsPerMeter is { } households)
        {
            result.HouseholdsPerMeter = households;
        }

        if (!result.DisasterMode)
        {
            foreach (var gateway in meters.Select(m => m.GatewayId).Distinct(StringComparer.Ordinal))
            {
                if (await GatewayInDisasterModeAsync(gateway, cancellationToken))
                {
                    result.DisasterMode = true;
                    break;
                }
            }
        }

        return result;
    }

    private async Task<bool> GatewayInDisasterModeAsync(string gatewayId, CancellationToken cancellationToken)
    {
        var desired = await control.GetDesiredAsync(gatewayId, cancellationToken);
        var reported = await control.GetReportedAsync(gatewayId, cancellationToken);
        return (desired is not null && DisasterFlag(desired.Json, nested: true))
            || (reported is not null && DisasterFlag(reported.Json, nested: false));
    }

    // Desired: "disasterMode": {"on": bool, ...}; reported: "disasterMode": bool (Apis/GatewayControlApi.cs).
    private static bool DisasterFlag(string json, bool nested)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (!document.RootElement.TryGetProperty("disasterMode", out var mode))
            {
                return false;
            }

            var flag = nested && mode.ValueKind == JsonValueKind.Object && mode.TryGetProperty("on", out var on) ? on : mode;
            return flag.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
