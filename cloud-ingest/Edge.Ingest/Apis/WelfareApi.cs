using System.ComponentModel;
using Edge.Ingest.Auth;
using Edge.Ingest.Consumption;
using Edge.Ingest.Registry;
using Edge.Ingest.Storage;
using Edge.Ingest.Welfare;

namespace Edge.Ingest.Apis;

/// <summary>Route table and handler of the welfare watch (福祉 見守り): alerts of enrolled households, welfare role only.</summary>
public static class WelfareApi
{
    /// <summary>How far back water use is looked for: a household silent for longer is reported from this far back.</summary>
    public static readonly TimeSpan Lookback = TimeSpan.FromDays(14);

    /// <summary>Maps <c>GET /v1/welfare/alerts</c>.</summary>
    public static IEndpointRouteBuilder MapWelfareApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/welfare").WithTags("Welfare");
        api.MapGet("/alerts", GetAlertsAsync)
            .WithName("GetWelfareAlerts")
            .WithDescription(
                "Welfare watch (DOMAIN.md): every enrolled household whose water meter shows no use (an hour of at least " +
                "1 l) for longer than its deadline, counting neither its sleep windows nor announced absences, evaluated now " +
                "from the hourly consumption of the last 14 days. With all=true also the households that are fine or have " +
                "no data yet. Households that are not enrolled never appear. Welfare role only.")
            .RequireEndpointGroup(EndpointGroup.WelfareAlerts)
            .Produces<WelfareAlerts>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    /// <summary>The households in alert (or all enrolled ones).</summary>
    public static async Task<WelfareAlerts> GetAlertsAsync(
        [Description("Also list enrolled households that are fine or have no data yet.")] bool? all,
        IIngestStore store,
        IDeviceRegistry registry,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        var lastHour = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
        var boundaries = ConsumptionBoundaries.Hourly(lastHour - Lookback, lastHour);
        var households = new List<WelfareHousehold>();
        foreach (var meter in (await registry.ListAsync(cancellationToken)).Where(d => d.Kind == DeviceKind.WaterMeter && d.IsWelfareEnrolled))
        {
            var intervals = await ConsumptionLoader.LoadAsync(store, meter, boundaries, cancellationToken);
            var lastUse = WelfareWatch.LastUse(intervals);

            // Readings in the window but no use at all: silent for at least the whole window, which must not read as "no data".
            var silentSince = lastUse is null && intervals.Any(i => !i.IsGap) ? boundaries[0] : (DateTimeOffset?)null;
            var result = WelfareWatch.Evaluate(meter, lastUse ?? silentSince, now, TokyoTime.Zone);
            if (all == true || result.Status == WelfareWatchStatus.Alert)
            {
                households.Add(new WelfareHousehold(
                    meter.Welfare!.HouseholdId,
                    meter.DeviceId,
                    meter.Area.Code,
                    result.Status.ToString().ToLowerInvariant(),
                    lastUse,
                    silentSince is not null,
                    Math.Round(result.WatchedWithoutUse.TotalHours, 2),
                    meter.Welfare.NoUseAlertAfter.TotalHours,
                    result.Reason));
            }
        }

        return new WelfareAlerts(now, households);
    }
}

/// <summary>The answer of <c>GET /v1/welfare/alerts</c>.</summary>
/// <param name="EvaluatedAt">When the watch was evaluated.</param>
/// <param name="Households">The households, in registry order.</param>
public sealed record WelfareAlerts(DateTimeOffset EvaluatedAt, IReadOnlyList<WelfareHousehold> Households);

/// <summary>One enrolled household's watch.</summary>
/// <param name="HouseholdId">The welfare office's household id.</param>
/// <param name="DeviceId">Its water meter.</param>
/// <param name="Area">Municipality code (JIS X 0402).</param>
/// <param name="Status">alert, ok or nodata.</param>
/// <param name="LastUseAt">End of the last hour with use within the lookback; null if none.</param>
/// <param name="SilentForWholeLookback">Readings arrived but showed no use in the whole lookback: silent at least that long.</param>
/// <param name="HoursWithoutUse">Time since the last use that counts towards the deadline (sleep and away not counted).</param>
/// <param name="DeadlineHours">The household's deadline.</param>
/// <param name="Reason">A sentence for the welfare office; null when fine.</param>
public sealed record WelfareHousehold(
    string HouseholdId,
    string DeviceId,
    string Area,
    string Status,
    DateTimeOffset? LastUseAt,
    bool SilentForWholeLookback,
    double HoursWithoutUse,
    double DeadlineHours,
    string? Reason);
