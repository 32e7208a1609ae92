using System.ComponentModel;
using Edge.Ingest.Analytics.Areas;
using Edge.Ingest.Analytics.AreaService;
using Edge.Ingest.Auth;
using Edge.Ingest.Registry;
using Edge.Ingest.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Edge.Ingest.Apis;

/// <summary>Route table and handler of a district metered area's water balance (Analytics/API.md "DMA water balance").</summary>
public static class AreaBalanceApi
{
    /// <summary>Longest period one request may ask for: 31 days, a month of any length.</summary>
    public const int MaxHours = 31 * 24;

    /// <summary>404: no status area has that id.</summary>
    public const string UnknownAreaType = "urn:edge:problem:unknown-area";

    /// <summary>409: the area has no usable district inflow meter, so no balance can be drawn.</summary>
    public const string NoInflowMeterType = "urn:edge:problem:no-inflow-meter";

    private const string InstantDescription = "an RFC 3339 instant on a whole UTC hour, e.g. 2026-06-01T15:00:00Z (Tokyo midnight).";

    /// <summary>Maps <c>GET /v1/areas/{areaId}/balance</c>.</summary>
    public static IEndpointRouteBuilder MapAreaBalanceApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/v1/areas").WithTags("Area status").MapGet("/{areaId}/balance", GetBalanceAsync)
            .WithName("GetAreaBalance")
            .WithDescription(
                "Water balance of a district metered area (an area of the area catalogue with an inflowMeterId) over " +
                "[from, to), at most 744 hours: net inflow of the district inflow meter (forward − reverse totaliser), billed " +
                "= the sum of the area's customer meters, non-revenue water (losses and unbilled use) in m³ and as a share " +
                "of the inflow, and how complete the data are (hours present of expected for the inflow and the customers, " +
                "meters reporting, a sentence per problem). minimumNightFlow: per Tokyo night within the period, the lowest " +
                "hourly inflow between 00:00 and 06:00 and the nearest-rank 20th percentile over the last 7 nights. " +
                "Aggregates only: no customer meter or household appears.")
            .RequireEndpointGroup(EndpointGroup.AreaBalance)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>The balance of one area.</summary>
    public static async Task<Results<Ok<AreaBalanceReport>, ProblemHttpResult>> GetBalanceAsync(
        [Description("Id of the status area (a DMA of the area catalogue).")] string areaId,
        [Description("Inclusive start: " + InstantDescription)] string? from,
        [Description("Exclusive end: " + InstantDescription)] string? to,
        IIngestStore store,
        IDeviceRegistry registry,
        StatusAreaCatalogSource catalog,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(catalog);
        if (!TryPeriod(from, to, out var start, out var end, out var problem))
        {
            return Problems.InvalidQuery(problem);
        }

        var devices = await registry.ListAsync(cancellationToken);
        var (area, customers) = AreaStatusService.Group(devices, catalog.Catalog).FirstOrDefault(g => g.Area.Id == areaId);
        if (area is null)
        {
            return TypedResults.Problem(
                detail: $"No status area {DetailText.Quote(areaId)} is catalogued or named by a meter.",
                statusCode: StatusCodes.Status404NotFound, title: "Unknown area", type: UnknownAreaType);
        }

        if (area.InflowMeterId is not { } inflowId)
        {
            return NoInflow($"Area {DetailText.Quote(areaId)} has no district inflow meter (inflowMeterId in the area catalogue): a water balance needs one.");
        }

        var inflow = devices.FirstOrDefault(d => string.Equals(d.DeviceId, inflowId, StringComparison.Ordinal));
        if (inflow is not { Kind: DeviceKind.WaterMeter } || AreaBalanceLoader.InflowChannels(inflow) is null)
        {
            return NoInflow($"The inflow meter {DetailText.Quote(inflowId)} of area {DetailText.Quote(areaId)} is not registered as a water meter with a volume channel.");
        }

        return TypedResults.Ok(await AreaBalanceLoader.LoadAsync(store, area, inflow, customers, start, end, cancellationToken));
    }

    private static ProblemHttpResult NoInflow(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "No inflow meter", type: NoInflowMeterType);

    private static bool TryPeriod(string? from, string? to, out DateTimeOffset start, out DateTimeOffset end, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? problem)
    {
        (start, end) = (default, default);
        if (string.IsNullOrEmpty(from) || string.IsNullOrEmpty(to))
        {
            problem = "Both 'from' and 'to' are required.";
            return false;
        }

        if (!InstantParameter.TryParse(from, "from", out var fromMs, out problem) || !InstantParameter.TryParse(to, "to", out var toMs, out problem))
        {
            problem ??= "Invalid instant.";
            return false;
        }

        var hours = (toMs!.Value - fromMs!.Value) / 3_600_000;
        problem = fromMs.Value % 3_600_000 != 0 || toMs.Value % 3_600_000 != 0
                ? $"'from' {DetailText.Quote(from)} and 'to' {DetailText.Quote(to)} must be whole UTC hours."
            : toMs <= fromMs ? $"'from' {DetailText.Quote(from)} must be before 'to' {DetailText.Quote(to)}."
            : hours > MaxHours ? $"The period may be at most {MaxHours} hours (31 days); {hours} asked for."
            : null;
        (start, end) = (DateTimeOffset.FromUnixTimeMilliseconds(fromMs.Value), DateTimeOffset.FromUnixTimeMilliseconds(toMs.Value));
        return problem is null;
    }
}
