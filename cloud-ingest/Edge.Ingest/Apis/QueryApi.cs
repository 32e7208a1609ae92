using System.ComponentModel;
using Edge.Ingest.Auth;
using Edge.Ingest.Model;
using Edge.Ingest.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Edge.Ingest.Apis;

/// <summary>Route table and handlers of the read endpoints (waterworks systems, dashboards, the simulator).</summary>
public static class QueryApi
{
    /// <summary>Default of the <c>limit</c> parameter of <c>GET /v1/rejected</c>.</summary>
    public const int DefaultRejectedLimit = 100;

    /// <summary>Largest <c>limit</c> of <c>GET /v1/rejected</c>.</summary>
    public const int MaxRejectedLimit = 1000;

    /// <summary>Maps <c>GET /v1/meters/{id}/readings</c>, <c>GET /v1/rejected</c> and <c>GET /v1/stats</c>.</summary>
    public static IEndpointRouteBuilder MapQueryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1").WithTags("Query");
        api.MapGet("/meters/{id}/readings", GetReadingsAsync)
            .WithName("GetMeterReadings")
            .WithDescription("Normalised readings (SI units, UTC) ordered by observed time, then seq.")
            .RequireCallerRole(CallerRole.Reader, CallerRole.Admin)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/rejected", GetRejectedAsync)
            .WithName("GetRejectedReadings")
            .WithDescription(
                "Readings set aside by the checks (unsupported unit, undefined clock quality, observed too far in " +
                "the future), as sent and with the reason, newest received first. They are not readings: a later " +
                "good copy with the same (deviceId, seq) is stored as a reading and the entry here stays as history.")
            .RequireCallerRole(CallerRole.Reader, CallerRole.Admin)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/stats", GetStatsAsync)
            .WithName("GetStats")
            .WithDescription(
                "Batches and readings stored, dropped as duplicates and set aside since the database was created.")
            .RequireCallerRole(CallerRole.Reader, CallerRole.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    /// <summary>Readings of one meter.</summary>
    public static async Task<Results<Ok<MeterReadings>, ProblemHttpResult>> GetReadingsAsync(
        [Description("Device id of the meter.")] string id,
        [Description("Earliest observed time, inclusive (ISO 8601 instant, e.g. 2025-06-01T00:00:00Z). Default: no bound.")]
        string? from,
        [Description("Latest observed time, exclusive (ISO 8601 instant). Default: no bound.")]
        string? to,
        IIngestStore store,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!InstantParameter.TryParse(from, "from", out var fromMs, out var problem)
            || !InstantParameter.TryParse(to, "to", out var toMs, out problem))
        {
            return Problems.InvalidQuery(problem!);
        }

        if (fromMs > toMs)
        {
            return Problems.InvalidQuery($"'from' {DetailText.Quote(from)} is later than 'to' {DetailText.Quote(to)}.");
        }

        var stored = await store.GetReadingsAsync(id, fromMs, toMs, cancellationToken);
        if (stored is null)
        {
            return Problems.UnknownMeter($"No readings of meter {DetailText.Quote(id)} are stored.");
        }

        var readings = stored.Select(r => new MeterReading(
            r.Seq, r.Channel, DateTimeOffset.FromUnixTimeMilliseconds(r.ObservedUnixMs),
            DateTimeOffset.FromUnixTimeMilliseconds(r.ReceivedUnixMs), r.ClockQuality, r.Value, r.Unit, r.UnitCode,
            r.Flags, r.DeviceUnixMs is { } deviceMs ? DateTimeOffset.FromUnixTimeMilliseconds(deviceMs) : null,
            r.Quarantined)).ToList();
        return TypedResults.Ok(new MeterReadings(id, readings));
    }

    /// <summary>Readings set aside by the checks, and why.</summary>
    public static async Task<Results<Ok<RejectedReadings>, ProblemHttpResult>> GetRejectedAsync(
        [Description("Device id; default: all devices.")] string? deviceId,
        [Description("Earliest received time, inclusive (ISO 8601 instant, e.g. 2025-06-01T00:00:00Z). Default: no bound.")]
        string? from,
        [Description("Latest received time, exclusive (ISO 8601 instant). Default: no bound.")]
        string? to,
        [Description("Most entries to return, 1 to 1000. Default: 100.")] string? limit,
        IIngestStore store,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!InstantParameter.TryParse(from, "from", out var fromMs, out var problem)
            || !InstantParameter.TryParse(to, "to", out var toMs, out problem)
            || !LimitParameter.TryParse(limit, DefaultRejectedLimit, MaxRejectedLimit, out var count, out problem))
        {
            return Problems.InvalidQuery(problem!);
        }

        if (fromMs > toMs)
        {
            return Problems.InvalidQuery($"'from' {DetailText.Quote(from)} is later than 'to' {DetailText.Quote(to)}.");
        }

        var device = string.IsNullOrEmpty(deviceId) ? null : deviceId;
        var stored = await store.GetRejectedAsync(device, fromMs, toMs, count, cancellationToken);
        var rejected = stored.Select(r => new RejectedReadingDetail(
            r.DeviceId, r.Seq, r.Channel, DateTimeOffset.FromUnixTimeMilliseconds(r.ObservedUnixMs),
            DateTimeOffset.FromUnixTimeMilliseconds(r.ReceivedUnixMs), r.ClockQuality, r.RawMantissa, r.RawScale,
            r.RawUnit, r.Flags, r.Reason, r.BatchId)).ToList();
        return TypedResults.Ok(new RejectedReadings(rejected));
    }

    /// <summary>Ingest totals.</summary>
    public static async Task<Ok<IngestStats>> GetStatsAsync(IIngestStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return TypedResults.Ok(await store.GetStatsAsync(cancellationToken));
    }
}
