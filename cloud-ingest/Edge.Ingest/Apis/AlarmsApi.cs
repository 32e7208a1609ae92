using System.ComponentModel;
using Edge.Ingest.Analytics.Alarms;
using Edge.Ingest.Analytics.Recompute;
using Edge.Ingest.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Edge.Ingest.Apis;

/// <summary>
/// Route table and handlers of the meter alarms (issue 8, Analytics/API.md "Alarms"): list, one with its history,
/// acknowledge, operator clear. Waterworks and admin only (<see cref="EndpointGroup.MeterAlarms"/>).
/// </summary>
public static class AlarmsApi
{
    /// <summary>Largest page.</summary>
    public const int MaxLimit = 500;

    /// <summary>Page size when none is asked for.</summary>
    public const int DefaultLimit = 100;

    /// <summary>Maps <c>/v1/alarms</c>.</summary>
    public static IEndpointRouteBuilder MapAlarmsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/alarms").WithTags("Alarms");
        api.MapGet("/", ListAsync)
            .WithName("ListAlarms")
            .WithDescription(
                "Meter and area alarms, newest change first: continuous-leak, night-flow, burst, backflow, tamper, dry-pipe, " +
                "low-battery, stuck-meter, no-communication, consumption-jump, suspected-pressure-loss, meter-fault, abnormal-value. " +
                "state=open (default) " +
                "or all; area, meter and kind filter; limit 1-500 (default 100); after = the 'next' cursor of the previous page.")
            .RequireEndpointGroup(EndpointGroup.MeterAlarms)
            .Produces<AlarmList>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/{alarmId}", GetAsync)
            .WithName("GetAlarm")
            .WithDescription("One alarm with every change (raised, confirmed, cleared, acknowledged), oldest first, each with its evidence window.")
            .RequireEndpointGroup(EndpointGroup.MeterAlarms)
            .Produces<AlarmResource>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/{alarmId}/acknowledge", AcknowledgeAsync)
            .WithName("AcknowledgeAlarm")
            .WithDescription(
                "An operator acknowledges the alarm: body {\"operator\": \"name\", \"note\": \"...\"?}. Idempotent: an acknowledged " +
                "alarm is returned unchanged. A cleared alarm may be acknowledged too (the operator saw it), so there is no 409.")
            .RequireEndpointGroup(EndpointGroup.MeterAlarms)
            .AddOpenApiOperationTransformer(DescribeCommandBodyAsync)
            .ProducesCommandAnswers();
        api.MapPost("/{alarmId}/clear", ClearAsync)
            .WithName("ClearAlarm")
            .WithDescription(
                "An operator clears a latching alarm (tamper): body {\"operator\": \"name\"}. 409 for an alarm that clears from " +
                "data. Idempotent: a cleared alarm is returned unchanged. A tamper flag seen after the clear is a new alarm.")
            .RequireEndpointGroup(EndpointGroup.MeterAlarms)
            .AddOpenApiOperationTransformer(DescribeCommandBodyAsync)
            .ProducesCommandAnswers()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>The alarms, newest change first, one page.</summary>
    public static async Task<Results<Ok<AlarmList>, ProblemHttpResult>> ListAsync(
        [Description("open (default) or all.")] string? state,
        [Description("Only alarms of this area.")] string? area,
        [Description("Only alarms of this meter.")] string? meter,
        [Description("Only alarms of this kind.")] string? kind,
        [Description("Page size, 1-500 (default 100).")] string? limit,
        [Description("The 'next' cursor of the previous page.")] string? after,
        AlarmLedger ledger,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        if (state is not (null or "open" or "all"))
        {
            return Problems.InvalidQuery($"The 'state' parameter {DetailText.Quote(state)} is not 'open' or 'all'.");
        }

        AlarmKind? wanted = null;
        if (kind is not null)
        {
            if (!AlarmKindNames.TryParse(kind, out AlarmKind parsed))
            {
                return Problems.InvalidQuery(
                    $"The 'kind' parameter {DetailText.Quote(kind)} is not one of {string.Join(", ", AlarmKindNames.All)}.");
            }

            wanted = parsed;
        }

        if (!LimitParameter.TryParse(limit, DefaultLimit, MaxLimit, out var size, out var limitProblem))
        {
            return Problems.InvalidQuery(limitProblem!);
        }

        (long UpdatedMs, string Id)? cursor = null;
        if (after is not null)
        {
            if (TimeIdCursor.TryParse(after) is not { } parsed)
            {
                return Problems.InvalidQuery($"The 'after' parameter {DetailText.Quote(after)} is not a cursor this service gave out.");
            }

            cursor = parsed;
        }

        var ordered = (await ledger.SnapshotAsync(cancellationToken))
            .Where(v => state == "all" || v.Alarm.IsOpen)
            .Where(v => area is null || string.Equals(v.AreaId, area, StringComparison.Ordinal))
            .Where(v => meter is null || string.Equals(v.MeterId, meter, StringComparison.Ordinal))
            .Where(v => wanted is null || v.Alarm.Key.Kind == wanted)
            .Select(v => (View: v, UpdatedMs: v.UpdatedAt.ToUnixTimeMilliseconds()))
            .Where(v => cursor is not { } c || v.UpdatedMs < c.UpdatedMs
                || (v.UpdatedMs == c.UpdatedMs && string.CompareOrdinal(v.View.Id, c.Id) > 0))
            .OrderByDescending(v => v.UpdatedMs).ThenBy(v => v.View.Id, StringComparer.Ordinal)
            .Take(size + 1)
            .ToList();
        var page = ordered.Take(size).ToList();
        var next = ordered.Count > size ? TimeIdCursor.Format(page[^1].UpdatedMs, page[^1].View.Id) : null;
        return TypedResults.Ok(new AlarmList([.. page.Select(v => v.View.ToResource(withHistory: false))], next));
    }

    /// <summary>One alarm with its history.</summary>
    public static async Task<Results<Ok<AlarmResource>, ProblemHttpResult>> GetAsync(
        string alarmId, AlarmLedger ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        if (CheckId(alarmId) is { } bad)
        {
            return bad;
        }

        return await ledger.FindAsync(alarmId, cancellationToken) is { } view
            ? TypedResults.Ok(view.ToResource(withHistory: true))
            : NotFound(alarmId);
    }

    /// <summary>Acknowledges an alarm.</summary>
    public static async Task<Results<Ok<AlarmResource>, ProblemHttpResult>> AcknowledgeAsync(
        string alarmId, HttpRequest request, AlarmLedger ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var (command, problem) = await ReadCommandAsync(alarmId, request, allowNote: true, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var (result, view) = await ledger.AcknowledgeAsync(alarmId, command!.Operator, command.Note, cancellationToken);
        return result == AlarmCommandResult.NotFound ? NotFound(alarmId) : TypedResults.Ok(view!.ToResource(withHistory: true));
    }

    /// <summary>Clears a latching alarm.</summary>
    public static async Task<Results<Ok<AlarmResource>, ProblemHttpResult>> ClearAsync(
        string alarmId, HttpRequest request, AlarmLedger ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var (command, problem) = await ReadCommandAsync(alarmId, request, allowNote: false, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (await ledger.FindAsync(alarmId, cancellationToken) is not { } found)
        {
            return NotFound(alarmId);
        }

        if (!found.Alarm.Latching)
        {
            return AlarmProblems.Latching(
                $"Alarm {alarmId} ({AlarmKindNames.Name(found.Alarm.Key.Kind)}) clears from data; only a latching alarm (tamper) is cleared by an operator.");
        }

        var (result, view) = await ledger.ClearAsync(alarmId, command!.Operator, cancellationToken);
        return result == AlarmCommandResult.NotFound ? NotFound(alarmId) : TypedResults.Ok(view!.ToResource(withHistory: true));
    }

    /// <summary>Describes the command body, which the handlers read themselves (so a wrong media type gets our 415 problem).</summary>
    public static async Task DescribeCommandBodyAsync(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "{\"operator\": 1-100 characters, \"note\"?: at most 500 characters (acknowledge only)}; unknown members are errors.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(AlarmCommand), null, cancellationToken) },
            },
        };
    }

    private static async Task<(AlarmCommand? Command, ProblemHttpResult? Problem)> ReadCommandAsync(
        string alarmId, HttpRequest request, bool allowNote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (CheckId(alarmId) is { } bad)
        {
            return (null, bad);
        }

        if (!request.HasJsonContentType())
        {
            return (null, Problems.UnsupportedContentType(
                $"The command must be application/json, not {DetailText.Quote(request.ContentType ?? "(none)")}."));
        }

        if (await BatchBodyReader.ReadAsync(request, AlarmCommand.MaxBodyBytes, cancellationToken) is not { } body)
        {
            return (null, Problems.BodyTooLarge($"The command is larger than {AlarmCommand.MaxBodyBytes} bytes."));
        }

        var command = AlarmCommand.Parse(body, allowNote, out var malformed, out var errors);
        return command is null ? (null, AlarmProblems.Invalid(malformed, errors)) : (command, null);
    }

    private static ProblemHttpResult? CheckId(string alarmId) =>
        TimeIdCursor.IsId(alarmId)
            ? null
            : AlarmProblems.BadId($"{DetailText.Quote(alarmId)} is not an alarm id (32 lowercase hexadecimal digits).");

    private static ProblemHttpResult NotFound(string alarmId) => AlarmProblems.Unknown($"No alarm has the id {alarmId}.");

    // What an operator command (acknowledge, clear) answers: the alarm, or a problem for a bad id, caller or body.
    private static RouteHandlerBuilder ProducesCommandAnswers(this RouteHandlerBuilder endpoint) => endpoint
        .Produces<AlarmResource>()
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
}
