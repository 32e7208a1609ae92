using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Edge.Ingest.Auth;
using Edge.Ingest.Model;
using Edge.Ingest.Storage;
using Edge.Uplink;
using Edge.Uplink.Control;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Edge.Ingest.Apis;

/// <summary>
/// Route table and handlers of gateway remote configuration (issue 6): the desired document the cloud sets per gateway
/// (versioned; the gateway polls it, or gets it by satellite) and the state the gateway reports back.
/// Documents are defined in Edge.Uplink/Control (CONTROL.md) and checked here with the gateway's own rules.
/// </summary>
public static class GatewayControlApi
{
    /// <summary>Largest report accepted.</summary>
    public const int MaxReportBytes = 4 * 1024;

    /// <summary>Maps <c>/v1/gateways/{id}/desired</c> and <c>/v1/gateways/{id}/reported</c>.</summary>
    public static IEndpointRouteBuilder MapGatewayControlApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/gateways/{id}").WithTags("Gateway configuration");
        api.MapGet("/desired", GetDesiredAsync)
            .WithName("GetGatewayDesired")
            .WithDescription(
                "The gateway's desired configuration document (application/json, CONTROL.md) with an ETag of its version; " +
                "If-None-Match with that ETag answers 304. A gateway key reads only its own gateway's document.")
            .RequireEndpointGroup(EndpointGroup.GatewayDesiredRead)
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPut("/desired", PutDesiredAsync)
            .WithName("PutGatewayDesired")
            .WithDescription(
                "Sets the gateway's desired configuration (application/json): version (optional; it must be above the " +
                "stored one, default stored + 1), disasterMode {on, since?, reason?}, and the optional profiles normal and " +
                "disaster (samplingSeconds, reportingSeconds, classes, links). Checked in full: every defect is listed in " +
                "'errors' and nothing changes. The disaster role may send only disasterMode (and version); the stored " +
                "profiles are kept. The answer tells whether the document fits one Iridium MT message (270 bytes).")
            .RequireEndpointGroup(EndpointGroup.GatewayDesiredWrite)
            .AddOpenApiOperationTransformer(IngestOpenApi.DescribeDesiredBodyAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapPut("/reported", PutReportedAsync)
            .WithName("PutGatewayReported")
            .WithDescription(
                "The gateway reports the configuration in force (application/json): appliedVersion, disasterMode, " +
                "sources, at, and the last rejected document's version and reason. Only the gateway itself; via=satellite " +
                "marks a report relayed from an Iridium MO message.")
            .RequireEndpointGroup(EndpointGroup.GatewayReportedWrite)
            .AddOpenApiOperationTransformer(IngestOpenApi.DescribeReportedBodyAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        api.MapGet("/reported", GetReportedAsync)
            .WithName("GetGatewayReported")
            .WithDescription("The gateway's last report, with the desired version for comparison.")
            .RequireEndpointGroup(EndpointGroup.GatewayReportedRead)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>The desired document.</summary>
    public static async Task<Results<ContentHttpResult, StatusCodeHttpResult, ProblemHttpResult>> GetDesiredAsync(
        [Description("Gateway id.")] string id, HttpContext http, IGatewayControlStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(store);
        if (OwnOnly(http, id) is { } other)
        {
            return other;
        }

        var stored = await store.GetDesiredAsync(id, cancellationToken);
        if (stored is null)
        {
            return ControlProblems.Missing($"No desired configuration is set for gateway {DetailText.Quote(id)}.");
        }

        var etag = ETag(stored.Version);
        http.Response.Headers.ETag = etag;
        if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Text(stored.Json, "application/json", Encoding.UTF8);
    }

    /// <summary>Set the desired document.</summary>
    public static async Task<Results<Ok<DesiredStored>, ProblemHttpResult>> PutDesiredAsync(
        [Description("Gateway id.")] string id, HttpRequest request, IGatewayControlStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        if (await ReadJsonAsync(request, ControlLimits.MaxDocumentBytes, "desired configuration", cancellationToken) is var (body, problem) && problem is not null)
        {
            return problem;
        }

        if (BadId(id) is { } badId)
        {
            return badId;
        }

        var caller = Caller(request.HttpContext);
        var stored = await store.GetDesiredAsync(id, cancellationToken);
        var current = stored is null ? null : DesiredConfigJson.Parse(Encoding.UTF8.GetBytes(stored.Json), out _);
        DesiredConfig? config;
        IReadOnlyList<string> errors;
        if (CallerRoleNames.Canonical(caller.Role) == CallerRole.Disaster)
        {
            if (DisasterOnly(body!) is { } notAllowed)
            {
                return notAllowed;
            }

            var partial = DesiredConfigJson.Parse(body, requireVersion: false, out errors);
            config = partial is null ? null : (current ?? partial) with { Version = partial.Version, DisasterMode = partial.DisasterMode };
        }
        else
        {
            config = DesiredConfigJson.Parse(body, requireVersion: false, out errors);
        }

        if (config is null)
        {
            return ControlProblems.Invalid("desired configuration", errors);
        }

        var storedVersion = stored?.Version ?? 0;
        if (config.Version != 0 && config.Version <= storedVersion)
        {
            return ControlProblems.Conflict($"Version {config.Version} is not above the stored version {storedVersion} of gateway {DetailText.Quote(id)}.");
        }

        var now = time.GetUtcNow();
        config = config with
        {
            Version = config.Version == 0 ? storedVersion + 1 : config.Version,
            DisasterMode = config.DisasterMode.On && config.DisasterMode.Since is null ? config.DisasterMode with { Since = now } : config.DisasterMode,
        };
        var json = DesiredConfigJson.Write(config);
        var by = CallerRoleNames.ToName(caller.Role);
        if (!await store.PutDesiredAsync(id, config.Version, Encoding.UTF8.GetString(json), by, now, cancellationToken))
        {
            return ControlProblems.Conflict($"Gateway {DetailText.Quote(id)} got version {config.Version} or later from another writer meanwhile; read it and try again.");
        }

        request.HttpContext.Response.Headers.ETag = ETag(config.Version);
        using var document = JsonDocument.Parse(json);
        return TypedResults.Ok(new DesiredStored(id, config.Version, by, now, json.Length + 1, json.Length + 1 <= ControlLimits.MaxMtBytes, document.RootElement.Clone()));
    }

    /// <summary>The gateway's report.</summary>
    public static async Task<Results<Ok<GatewayReported>, ProblemHttpResult>> PutReportedAsync(
        [Description("Gateway id; must be the caller's.")] string id,
        [Description("How the report arrived: ip (default) or satellite.")] string? via,
        HttpRequest request,
        IGatewayControlStore store,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        if (OwnOnly(request.HttpContext, id) is { } other)
        {
            return other;
        }

        if (via is not (null or "ip" or "satellite"))
        {
            return Problems.InvalidQuery($"via is ip or satellite, not {DetailText.Quote(via)}.");
        }

        if (await ReadJsonAsync(request, MaxReportBytes, "report", cancellationToken) is var (body, problem) && problem is not null)
        {
            return problem;
        }

        var report = ReportedStateJson.Parse(body, out var errors);
        if (report is null)
        {
            return ControlProblems.Invalid("report", errors);
        }

        if (report.GatewayId != id)
        {
            return ControlProblems.Invalid("report", [$"$.gatewayId: the report is from {DetailText.Quote(report.GatewayId)}, the path names {DetailText.Quote(id)}"]);
        }

        var now = time.GetUtcNow();
        var json = Encoding.UTF8.GetString(ReportedStateJson.Write(report));
        await store.PutReportedAsync(id, report.AppliedVersion, json, via ?? "ip", now, cancellationToken);
        var desired = await store.GetDesiredAsync(id, cancellationToken);
        return TypedResults.Ok(Answer(new StoredControlDocument(id, report.AppliedVersion, json, via ?? "ip", now), desired?.Version ?? 0));
    }

    /// <summary>The gateway's last report.</summary>
    public static async Task<Results<Ok<GatewayReported>, ProblemHttpResult>> GetReportedAsync(
        [Description("Gateway id.")] string id, IGatewayControlStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var reported = await store.GetReportedAsync(id, cancellationToken);
        if (reported is null)
        {
            return ControlProblems.Missing($"Gateway {DetailText.Quote(id)} has not reported yet.");
        }

        var desired = await store.GetDesiredAsync(id, cancellationToken);
        return TypedResults.Ok(Answer(reported, desired?.Version ?? 0));
    }

    private static GatewayReported Answer(StoredControlDocument reported, long desiredVersion)
    {
        using var document = JsonDocument.Parse(reported.Json);
        return new GatewayReported(reported.GatewayId, reported.Version, desiredVersion, reported.Version == desiredVersion,
            reported.By, reported.At, document.RootElement.Clone());
    }

    private static string ETag(long version) => $"\"v{version}\"";

    private static CallerIdentity Caller(HttpContext http) =>
        http.Features.Get<CallerIdentity>() ?? throw new InvalidOperationException("The caller role filter did not run.");

    private static ProblemHttpResult? OwnOnly(HttpContext http, string id)
    {
        var caller = Caller(http);
        return caller.Role == CallerRole.Gateway && !string.Equals(caller.GatewayId, id, StringComparison.Ordinal)
            ? ControlProblems.Other($"This API key belongs to gateway {DetailText.Quote(caller.GatewayId ?? "")}; it may not use gateway {DetailText.Quote(id)}'s configuration.")
            : null;
    }

    private static ProblemHttpResult? BadId(string id) =>
        id.Length == 0 || Encoding.UTF8.GetByteCount(id) > BatchLimits.MaxIdBytes
            ? ControlProblems.Invalid("desired configuration", [$"path: a gateway id is 1 to {BatchLimits.MaxIdBytes} bytes"])
            : null;

    private static ProblemHttpResult? DisasterOnly(byte[] body)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject root)
            {
                var extra = root.Select(p => p.Key).Where(k => k is not ("disasterMode" or "version")).ToList();
                if (extra.Count > 0)
                {
                    return ControlProblems.NotAllowed($"The disaster role may set only disasterMode (and version); the body also sets {string.Join(", ", extra)}.");
                }
            }
        }
        catch (JsonException)
        {
            // The parser below reports it with its position.
        }

        return null;
    }

    private static async Task<(byte[]? Body, ProblemHttpResult? Problem)> ReadJsonAsync(HttpRequest request, int maxBytes, string what, CancellationToken cancellationToken)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var media)
            || !string.Equals(media.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase)
            || (media.Charset.Value is not null && !string.Equals(media.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, Problems.UnsupportedContentType($"A {what} is sent as application/json (UTF-8), not {DetailText.Quote(request.ContentType ?? "")}."));
        }

        return await BatchBodyReader.ReadAsync(request, maxBytes, cancellationToken) is { } body
            ? ([.. body], null)
            : (null, Problems.BodyTooLarge($"A {what} is at most {maxBytes} bytes."));
    }
}
