using System.ComponentModel;
using Edge.Ingest.Auth;
using Edge.Ingest.Consumption;
using Edge.Ingest.Model;
using Edge.Ingest.Normalisation;
using Edge.Ingest.Registry;
using Edge.Ingest.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Edge.Ingest.Apis;

/// <summary>Route table and handlers of the consumption endpoints, computed on the fly from stored readings.</summary>
public static class ConsumptionApi
{
    private const string IntervalDescription = "hour, day (Tokyo days) or month (Tokyo months).";
    private const string FromDescription =
        "Inclusive start: an instant on a whole UTC hour for hour (2026-06-01T00:00:00Z), a date for day (2026-06-01), a month for month (2026-06).";
    private const string ToDescription = "Exclusive end, in the same form as 'from'.";

    /// <summary>Maps <c>GET /v1/meters/{id}/consumption</c> and <c>GET /v1/areas/{code}/consumption</c>.</summary>
    public static IEndpointRouteBuilder MapConsumptionApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1").WithTags("Consumption");
        api.MapGet("/meters/{id}/consumption", GetMeterConsumptionAsync)
            .WithName("GetMeterConsumption")
            .WithDescription(
                "Volume per interval of a registered water meter, from its register readings (quarantined readings " +
                "left out). An interval without a reading within 5 min of both ends is reported missing, never invented.")
            .RequireEndpointGroup(EndpointGroup.MeterConsumption)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/areas/{code}/consumption", GetAreaConsumptionAsync)
            .WithName("GetAreaConsumption")
            .WithDescription(
                "Volume per interval summed over the water meters registered in a Tokyo municipality, with how many " +
                "meters contributed and how many are missing. No household's readings are shown.")
            .RequireEndpointGroup(EndpointGroup.AreaAggregates)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    /// <summary>Consumption of one meter.</summary>
    public static async Task<Results<Ok<MeterConsumption>, ProblemHttpResult>> GetMeterConsumptionAsync(
        [Description("Device id of the meter.")] string id,
        [Description(IntervalDescription)] string? interval,
        [Description(FromDescription)] string? from,
        [Description(ToDescription)] string? to,
        IIngestStore store,
        IDeviceRegistry registry,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (!ConsumptionQuery.TryParse(interval, from, to, out var query, out var problem))
        {
            return Problems.InvalidQuery(problem);
        }

        if (await registry.FindAsync(id, cancellationToken) is not { Kind: DeviceKind.WaterMeter } meter)
        {
            return Problems.UnknownDevice(
                $"No water meter {DetailText.Quote(id)} is registered; consumption needs the meter's registration.");
        }

        var intervals = await ConsumptionLoader.LoadAsync(store, meter, query.Boundaries, cancellationToken);
        var periods = intervals.Select(i => new ConsumptionPeriod(
            i.Start, i.End, i.VolumeM3, i.StartRegister?.ValueM3, i.EndRegister?.ValueM3,
            i.IsGap ? "missing" : QualityName(i.Quality.Quality), i.IsGap ? i.GapReason : i.Quality.Reason)).ToList();
        return TypedResults.Ok(new MeterConsumption(id, query.Interval, intervals.Count(i => i.IsGap), periods));
    }

    /// <summary>Consumption of one area.</summary>
    public static async Task<Results<Ok<AreaConsumptionAnswer>, ProblemHttpResult>> GetAreaConsumptionAsync(
        [Description("JIS X 0402 code of a Tokyo municipality, 5 digits or 6 with the check digit.")] string code,
        [Description(IntervalDescription)] string? interval,
        [Description(FromDescription)] string? from,
        [Description(ToDescription)] string? to,
        IIngestStore store,
        IDeviceRegistry registry,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (!AreaCode.TryParse(code, out var area, out var areaProblem))
        {
            return Problems.InvalidQuery(areaProblem);
        }

        if (!AreaCatalog.Tokyo.Contains(area))
        {
            return Problems.InvalidQuery($"{DetailText.Quote(code)} is not one of Tokyo's municipalities.");
        }

        if (!ConsumptionQuery.TryParse(interval, from, to, out var query, out var problem))
        {
            return Problems.InvalidQuery(problem);
        }

        var meters = (await registry.ListByAreaAsync(area, cancellationToken)).Where(d => d.Kind == DeviceKind.WaterMeter).ToList();
        var perMeter = new Dictionary<string, IReadOnlyList<ConsumptionInterval>>(StringComparer.Ordinal);
        foreach (var meter in meters)
        {
            perMeter[meter.DeviceId] = await ConsumptionLoader.LoadAsync(store, meter, query.Boundaries, cancellationToken);
        }

        var ids = meters.Select(m => m.DeviceId).ToList();
        var periods = new List<AreaPeriod>(query.Boundaries.Count - 1);
        for (var k = 0; k + 1 < query.Boundaries.Count; k++)
        {
            var sum = AreaAggregator.Sum(
                area, query.Boundaries[k], query.Boundaries[k + 1], ids,
                perMeter.ToDictionary(p => p.Key, p => p.Value[k], StringComparer.Ordinal));
            periods.Add(new AreaPeriod(sum.Start, sum.End, sum.VolumeM3, sum.MetersContributing, sum.MetersMissing, sum.MetersSuspect));
        }

        return TypedResults.Ok(new AreaConsumptionAnswer(area.Code, query.Interval, meters.Count, periods));
    }

    private static string QualityName(ReadingQuality quality) => quality switch
    {
        ReadingQuality.Good => "good",
        ReadingQuality.Estimated => "estimated",
        _ => "suspect",
    };
}
