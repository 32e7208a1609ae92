using System.ComponentModel;
using Edge.Ingest.Auth;
using Edge.Ingest.Model;
using Edge.Ingest.Registry;
using Edge.Ingest.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Edge.Ingest.Apis;

/// <summary>Route table and handlers of the read endpoints (waterworks systems, dashboards, the simulator).</summary>
public static class QueryApi
{
    /// <summary>Default of the <c>limit</c> parameter of <c>GET /v1/rejected</c>.</summary>
    public const int DefaultRejectedLimit = 100;

    /// <summary>Largest <c>limit</c> of <c>GET /v1/meters/{id}/readings</c>.</summary>
    public const int MaxReadingsLimit = 10000;

    /// <summary>Largest <c>limit</c> of <c>GET /v1/rejected</c>.</summary>
    public const int MaxRejectedLimit = 1000;

    /// <summary>Maps <c>GET /v1/meters/{id}/readings</c>, <c>GET /v1/rejected</c> and <c>GET /v1/stats</c>.</summary>
    public static IEndpointRouteBuilder MapQueryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1").WithTags("Query");
        api.MapGet("/meters/{id}/readings", GetReadingsAsync)
            .WithName("GetMeterReadings")
            .WithDescription(
                "Normalised readings (SI units, UTC) ordered by observed time, then seq. Water meters only: a " +
                "registered sensor is 404 here (its data is in the NGSI-LD observations export). Readings of a " +
                "device nobody registered are shown flagged 'quarantined', as the operator's view of the quarantine.")
            .RequireCallerRole(CallerRole.Reader, CallerRole.Admin)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/meters/{id}/latest", GetLatestAsync)
            .WithName("GetMeterLatest")
            .WithDescription(
                "The latest reading of each channel by observed time (not by arrival: a backfilled old reading never " +
                "replaces a newer one). Quarantined readings are left out. Water meters only, as for readings.")
            .RequireCallerRole(CallerRole.Reader, CallerRole.Admin)
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
        [Description("Page size, 1 to 10000; the answer's 'next' is the cursor of the following page. Default: every reading in one answer.")]
        string? limit,
        [Description("Cursor from a previous page's 'next': readings after it (by observed time, then seq).")]
        string? after,
        IIngestStore store,
        IDeviceRegistry registry,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (await NotAWaterMeterAsync(id, registry, cancellationToken) is { } notMeter)
        {
            return notMeter;
        }

        if (!InstantParameter.TryParse(from, "from", out var fromMs, out var problem)
            || !InstantParameter.TryParse(to, "to", out var toMs, out problem))
        {
            return Problems.InvalidQuery(problem!);
        }

        if (fromMs > toMs)
        {
            return Problems.InvalidQuery($"'from' {DetailText.Quote(from)} is later than 'to' {DetailText.Quote(to)}.");
        }

        int? pageSize = null;
        if (limit is not null)
        {
            if (!LimitParameter.TryParse(limit, MaxReadingsLimit, MaxReadingsLimit, out var size, out problem))
            {
                return Problems.InvalidQuery(problem!);
            }

            pageSize = size;
        }

        (long ObservedMs, long Seq)? cursor = null;
        if (after is not null)
        {
            if (ReadingCursor.TryParse(after) is not { } parsed)
            {
                return Problems.InvalidQuery($"'after' {DetailText.Quote(after)} is not a cursor from a previous page.");
            }

            cursor = parsed;
        }

        // One more than the page size tells whether a next page exists.
        var stored = await store.GetReadingsPageAsync(
            id, fromMs, toMs,
            new ReadingPage(cursor?.ObservedMs, cursor?.Seq ?? 0, pageSize + 1),
            cancellationToken);
        if (stored is null)
        {
            return Problems.UnknownMeter($"No readings of meter {DetailText.Quote(id)} are stored.");
        }

        IReadOnlyList<StoredReading> page = stored;
        string? next = null;
        if (pageSize is { } n && stored.Count > n)
        {
            page = [.. stored.Take(n)];
            next = ReadingCursor.Format(page[^1].ObservedUnixMs, page[^1].Seq);
        }

        return TypedResults.Ok(new MeterReadings(id, [.. page.Select(ToModel)], next));
    }

    /// <summary>The latest reading of each channel by observed time.</summary>
    public static async Task<Results<Ok<MeterReadings>, ProblemHttpResult>> GetLatestAsync(
        [Description("Device id of the meter.")] string id,
        IIngestStore store,
        IDeviceRegistry registry,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (await NotAWaterMeterAsync(id, registry, cancellationToken) is { } notMeter)
        {
            return notMeter;
        }

        var stored = await store.GetReadingsAsync(id, null, null, cancellationToken);
        if (stored is null)
        {
            return Problems.UnknownMeter($"No readings of meter {DetailText.Quote(id)} are stored.");
        }

        // Stored readings come ordered by observed time, then seq: the last of each channel is its latest.
        var latest = stored.Where(r => !r.Quarantined)
            .GroupBy(r => r.Channel, StringComparer.Ordinal)
            .Select(g => g.Last())
            .OrderBy(r => r.Channel, StringComparer.Ordinal)
            .Select(ToModel)
            .ToList();
        return TypedResults.Ok(new MeterReadings(id, latest));
    }

    // Meter endpoints serve water meters and electricity meters (AccessPolicy.CanSeeDevice): a registered sensor is not
    // found here. A device
    // nobody registered is answered, its readings flagged quarantined: the roles of these endpoints are the operators
    // who review the quarantine (AccessPolicy, EndpointGroup.Quarantine), and this is where they see its readings.
    private static async Task<ProblemHttpResult?> NotAWaterMeterAsync(
        string id, IDeviceRegistry registry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        if (await registry.FindAsync(id, cancellationToken) is { Kind: not (DeviceKind.WaterMeter or DeviceKind.ElectricityMeter) } device)
        {
            return Problems.UnknownMeter(
                $"Device {DetailText.Quote(id)} is registered as {DetailText.Quote(DeviceKindNames.ToName(device.Kind))}, not a water meter; " +
                "its observations are served by GET /v1/export/ngsi-ld/observations.");
        }

        return null;
    }

    private static MeterReading ToModel(StoredReading r) => new(
        r.Seq, r.Channel, DateTimeOffset.FromUnixTimeMilliseconds(r.ObservedUnixMs),
        DateTimeOffset.FromUnixTimeMilliseconds(r.ReceivedUnixMs), r.ClockQuality, r.Value, r.Unit, r.UnitCode,
        r.Flags, r.DeviceUnixMs is { } deviceMs ? DateTimeOffset.FromUnixTimeMilliseconds(deviceMs) : null,
        r.Quarantined);

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
