using System.ComponentModel;
using System.Text;
using System.Text.Json.Nodes;
using Edge.Ingest.Auth;
using Edge.Ingest.Export;
using Edge.Ingest.Model;
using Edge.Ingest.Normalisation.Registers;
using Edge.Ingest.Normalisation.Units;
using Edge.Ingest.Registry;
using Edge.Ingest.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Edge.Ingest.Apis;

/// <summary>
/// NGSI-LD exports (FIWARE Smart Data Models, normalized form) of each registered device's latest values by observed
/// time: water meters for the waterworks, environmental sensors for disaster response — never one for the other.
/// </summary>
public static class NgsiLdApi
{
    /// <summary>Content type of an NGSI-LD entity array with its @context inline.</summary>
    public const string ContentType = "application/ld+json";

    /// <summary>Maps <c>GET /v1/export/ngsi-ld/water-consumption</c> and <c>GET /v1/export/ngsi-ld/observations</c>.</summary>
    public static IEndpointRouteBuilder MapNgsiLdApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/export/ngsi-ld").WithTags("Export");
        api.MapGet("/water-consumption", GetWaterConsumptionAsync)
            .WithName("GetNgsiLdWaterConsumption")
            .WithDescription(
                "WaterConsumptionObserved entities, one per registered water meter (of 'area', default all) with its latest " +
                "register reading by observed time (whole litres, unit code LTR), followed by the meters' Device entities. " +
                "Quarantined readings are left out; a meter without readings has only its Device entity.")
            .RequireEndpointGroup(EndpointGroup.MeterExport)
            .Produces<string>(StatusCodes.Status200OK, ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/observations", GetObservationsAsync)
            .WithName("GetNgsiLdObservations")
            .WithDescription(
                "WeatherObserved, WaterObserved and AirQualityObserved entities, one per registered environmental sensor " +
                "(of 'area', default all) with the values of its latest observed time, followed by the sensors' Device " +
                "entities. Water meters (households) never appear here.")
            .RequireEndpointGroup(EndpointGroup.SensorData)
            .Produces<string>(StatusCodes.Status200OK, ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    /// <summary>The water meters' entities.</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetWaterConsumptionAsync(
        [Description("Only devices of this Tokyo municipality (JIS X 0402); default: all.")] string? area,
        IIngestStore store,
        IDeviceRegistry registry,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (devices, problem) = await DevicesAsync(registry, area, d => d.Kind == DeviceKind.WaterMeter, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var observed = new List<JsonNode>();
        var described = new List<JsonNode>();
        foreach (var meter in devices)
        {
            var channel = meter.Channels.FirstOrDefault(c => c.Quantity == Quantity.Volume)?.Name;
            var latest = Latest(await store.GetReadingsAsync(meter.DeviceId, null, null, cancellationToken), r =>
                string.Equals(r.Channel, channel, StringComparison.Ordinal) && string.Equals(r.Unit, "m3", StringComparison.Ordinal));
            if (latest is not null)
            {
                var at = DateTimeOffset.FromUnixTimeMilliseconds(latest.ObservedUnixMs);
                observed.Add(NgsiLdExport.WaterConsumptionObserved(meter, new RegisterReading(
                    at, (decimal)latest.Value, meter.Meter?.Serial, ((ReadingFlags)latest.Flags).HasFlag(ReadingFlags.Reverse))));
            }

            described.Add(NgsiLdExport.Device(meter, latest is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(latest.ObservedUnixMs)));
        }

        return Entities(observed, described);
    }

    /// <summary>The environmental sensors' entities.</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetObservationsAsync(
        [Description("Only devices of this Tokyo municipality (JIS X 0402); default: all.")] string? area,
        IIngestStore store,
        IDeviceRegistry registry,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (devices, problem) = await DevicesAsync(registry, area, d => d.Kind is not (DeviceKind.WaterMeter or DeviceKind.ElectricityMeter), cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var observed = new List<JsonNode>();
        var described = new List<JsonNode>();
        foreach (var sensor in devices)
        {
            var readings = (await store.GetReadingsAsync(sensor.DeviceId, null, null, cancellationToken) ?? [])
                .Where(r => !r.Quarantined && sensor.FindChannel(r.Channel) is not null)
                .ToList();
            DateTimeOffset? at = null;
            if (readings.Count > 0)
            {
                var last = readings.Max(r => r.ObservedUnixMs);
                at = DateTimeOffset.FromUnixTimeMilliseconds(last);

                // The latest value of each channel observed at that instant, in its canonical unit.
                var values = readings.Where(r => r.ObservedUnixMs == last)
                    .GroupBy(r => r.Channel, StringComparer.Ordinal)
                    .Select(g => g.MaxBy(r => r.Seq)!)
                    .Select(r => new ObservedValue(r.Channel, sensor.FindChannel(r.Channel)!.Quantity, (decimal)r.Value))
                    .ToList();
                if (NgsiLdExport.Observation(sensor, at.Value, values) is { } entity)
                {
                    observed.Add(entity);
                }
            }

            described.Add(NgsiLdExport.Device(sensor, at));
        }

        return Entities(observed, described);
    }

    private static async Task<(IReadOnlyList<DeviceRegistration> Devices, ProblemHttpResult? Problem)> DevicesAsync(
        IDeviceRegistry registry, string? area, Func<DeviceRegistration, bool> kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (string.IsNullOrEmpty(area))
        {
            return ([.. (await registry.ListAsync(cancellationToken)).Where(kind)], null);
        }

        if (!AreaCode.TryParse(area, out var code, out var problem))
        {
            return ([], Problems.InvalidQuery(problem));
        }

        return ([.. (await registry.ListByAreaAsync(code, cancellationToken)).Where(kind)], null);
    }

    private static StoredReading? Latest(IReadOnlyList<StoredReading>? readings, Func<StoredReading, bool> channel) =>
        (readings ?? []).Where(r => !r.Quarantined && channel(r)).OrderBy(r => r.ObservedUnixMs).ThenBy(r => r.Seq).LastOrDefault();

    // Observations first, then the Device entities they refer to.
    private static ContentHttpResult Entities(List<JsonNode> observed, List<JsonNode> devices) =>
        TypedResults.Text(new JsonArray([.. observed, .. devices]).ToJsonString(), ContentType, Encoding.UTF8);
}
