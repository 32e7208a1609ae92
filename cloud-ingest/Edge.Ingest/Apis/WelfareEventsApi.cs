using System.ComponentModel;
using Edge.Ingest.Analytics.Watch;
using Edge.Ingest.Analytics.Welfare;
using Edge.Ingest.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Edge.Ingest.Apis;

/// <summary>
/// Route table and handlers of the welfare events (issue 8, Analytics/API.md "Welfare"): list and acknowledge. Welfare
/// role and admin only (<see cref="EndpointGroup.WelfareEvents"/>). Events name the household only.
/// </summary>
public static class WelfareEventsApi
{
    /// <summary>Largest page.</summary>
    public const int MaxLimit = 500;

    /// <summary>Page size when none is asked for.</summary>
    public const int DefaultLimit = 100;

    /// <summary>Maps <c>/v1/welfare/events</c>.</summary>
    public static IEndpointRouteBuilder MapWelfareEventsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/welfare/events").WithTags("Welfare");
        api.MapGet("/", ListAsync)
            .WithName("ListWelfareEvents")
            .WithDescription(
                "Welfare events of enrolled households, newest first: good-morning, no-morning-use, no-use, no-use-escalated, " +
                "continuous-use, suppressed (an alert held back: 'held' names it). household, kind and since (RFC 3339: events " +
                "at or after it) filter; limit 1-500 (default 100); after = the 'next' cursor of the previous page.")
            .RequireEndpointGroup(EndpointGroup.WelfareEvents)
            .Produces<WelfareEventList>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapPost("/{eventId}/acknowledge", AcknowledgeAsync)
            .WithName("AcknowledgeWelfareEvent")
            .WithDescription(
                "The welfare office acknowledges the event: body {\"operator\": \"name\"}. Idempotent: an acknowledged event is " +
                "returned unchanged (the first acknowledgement is kept).")
            .RequireEndpointGroup(EndpointGroup.WelfareEvents)
            .AddOpenApiOperationTransformer(AlarmsApi.DescribeCommandBodyAsync)
            .Produces<WelfareEventResource>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    /// <summary>The events, newest first, one page.</summary>
    public static async Task<Results<Ok<WelfareEventList>, ProblemHttpResult>> ListAsync(
        [Description("Only events of this household.")] string? household,
        [Description("Only events of this kind.")] string? kind,
        [Description("Only events at or after this time (RFC 3339 with offset).")] string? since,
        [Description("Page size, 1-500 (default 100).")] string? limit,
        [Description("The 'next' cursor of the previous page.")] string? after,
        WelfareBook book,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (kind is not null && !WelfareKindNames.TryParse(kind, out _))
        {
            return Problems.InvalidQuery($"The 'kind' parameter {DetailText.Quote(kind)} is not one of {string.Join(", ", WelfareKindNames.All)}.");
        }

        if (!InstantParameter.TryParse(since, "since", out var sinceMs, out var sinceProblem))
        {
            return Problems.InvalidQuery(sinceProblem!);
        }

        if (!LimitParameter.TryParse(limit, DefaultLimit, MaxLimit, out var size, out var limitProblem))
        {
            return Problems.InvalidQuery(limitProblem!);
        }

        (long AtMs, string Id)? cursor = null;
        if (after is not null)
        {
            if (TimeIdCursor.TryParse(after) is not { } parsed)
            {
                return Problems.InvalidQuery($"The 'after' parameter {DetailText.Quote(after)} is not a cursor this service gave out.");
            }

            cursor = parsed;
        }

        var ordered = (await book.SnapshotAsync(cancellationToken))
            .Where(e => household is null || string.Equals(e.HouseholdId, household, StringComparison.Ordinal))
            .Where(e => kind is null || string.Equals(e.Kind, kind, StringComparison.Ordinal))
            .Where(e => sinceMs is not { } f || e.At.ToUnixTimeMilliseconds() >= f)
            .Select(e => (Event: e, AtMs: e.At.ToUnixTimeMilliseconds()))
            .Where(e => cursor is not { } c || e.AtMs < c.AtMs || (e.AtMs == c.AtMs && string.CompareOrdinal(e.Event.Id, c.Id) > 0))
            .OrderByDescending(e => e.AtMs).ThenBy(e => e.Event.Id, StringComparer.Ordinal)
            .Take(size + 1)
            .ToList();
        var page = ordered.Take(size).ToList();
        var next = ordered.Count > size ? TimeIdCursor.Format(page[^1].AtMs, page[^1].Event.Id) : null;
        return TypedResults.Ok(new WelfareEventList([.. page.Select(e => e.Event)], next));
    }

    /// <summary>Acknowledges an event.</summary>
    public static async Task<Results<Ok<WelfareEventResource>, ProblemHttpResult>> AcknowledgeAsync(
        string eventId, HttpRequest request, WelfareBook book, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(book);
        if (!TimeIdCursor.IsId(eventId))
        {
            return WelfareProblems.BadId($"{DetailText.Quote(eventId)} is not a welfare event id (32 lowercase hexadecimal digits).");
        }

        if (await WelfareBody.ReadAsync(request, cancellationToken) is not { } body)
        {
            return WelfareBody.Refusal(request);
        }

        if (AlarmCommand.Parse(body, allowNote: false, out var malformed, out var errors) is not { } command)
        {
            return WelfareProblems.Invalid(malformed, errors);
        }

        return await book.AcknowledgeAsync(eventId, command.Operator, cancellationToken) is { } acknowledged
            ? TypedResults.Ok(acknowledged)
            : WelfareProblems.Unknown($"No welfare event has the id {eventId}.");
    }
}
