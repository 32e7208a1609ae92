using Edge.Ingest.Analytics.AreaService;
using Edge.Ingest.Analytics.Stream;
using Edge.Ingest.Auth;

namespace Edge.Ingest.Apis;

/// <summary>Route table and handler of the disaster area status (Analytics/API.md "Area status").</summary>
public static class AreaStatusApi
{
    /// <summary>The GeoJSON media type (RFC 7946 §12).</summary>
    public const string GeoJsonMediaType = "application/geo+json";

    /// <summary>Maps <c>GET /v1/areas/status</c>.</summary>
    public static IEndpointRouteBuilder MapAreaStatusApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/areas").WithTags("Area status");
        api.MapGet("/status", GetStatus)
            .WithName("GetAreaStatus")
            .WithDescription(
                "Water supply status of every status area (町丁目 or district metered area) as an RFC 7946 FeatureCollection: " +
                "one Feature per area (its polygon from the area catalogue, or null geometry when none is catalogued) with " +
                "properties kind=area, areaId, name, status (normal, suspected-outage, restoring, restored, " +
                "communications-lost, unknown), since, hour, metersTotal, metersReporting, zeroFlowRatio, " +
                "householdsWithoutWater, dataLatencySeconds, confidence, detail; and one Point Feature per sensor " +
                "(kind=sensor, deviceId, areaId, quantity river-level|rainfall|inundation|seismic-intensity, value, unit, " +
                "observedAt, level). Aggregates only: no meter or household id. Recomputed hourly and within a minute of new data.")
            .RequireEndpointGroup(EndpointGroup.AreaAggregates)
            .WithOkMediaType(GeoJsonMediaType, "An RFC 7946 FeatureCollection as described above.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    /// <summary>The latest status of every area and sensor.</summary>
    public static IResult GetStatus(AreaStatusService service, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(time);
        var collection = AreaFeatures.Collection(service.Board, time.GetUtcNow());
        return TypedResults.Text(AnalyticsJson.Write(collection), GeoJsonMediaType, System.Text.Encoding.UTF8);
    }
}
