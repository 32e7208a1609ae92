using System.ComponentModel;
using System.Globalization;
using System.Text;
using Edge.Ingest.Analytics.Stream;
using Edge.Ingest.Auth;
using Microsoft.AspNetCore.Http.Features;

namespace Edge.Ingest.Apis;

/// <summary>
/// Route table and handler of <c>GET /v1/stream</c>: the analytics changes as server-sent events (WHATWG HTML §9.2,
/// Analytics/API.md "Stream"), filtered by the caller's role, resumable with <c>Last-Event-ID</c>.
/// </summary>
public static class StreamApi
{
    /// <summary>Time between keep-alive comments when nothing happens (API.md: 15 s).</summary>
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    /// <summary>Maps <c>GET /v1/stream</c>.</summary>
    public static IEndpointRouteBuilder MapStreamApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/v1").WithTags("Stream").MapGet("/stream", StreamAsync)
            .WithName("GetStream")
            .WithDescription(
                "Server-sent events (text/event-stream): id = the change's number, event = alarm, area-status or welfare, " +
                "data = one line of JSON (the alarm resource, the area's or sensor's GeoJSON Feature, the welfare finding). " +
                "Send Last-Event-ID to resume after that change (the last 1,024 are kept). A ': keep-alive' comment every " +
                "15 s. The role filters: disaster gets aggregates only; waterworks aggregates and meter alarms; admin " +
                "everything; welfare its findings only; gateways are refused.")
            .RequireEndpointGroup(EndpointGroup.AnalyticsStream)
            .WithOkMediaType("text/event-stream", "Server-sent events (WHATWG HTML §9.2), one JSON line of data each.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }

    /// <summary>Whether <paramref name="role"/> may see events of <paramref name="scope"/>.</summary>
    public static bool Visible(CallerRole role, AnalyticsEventScope scope) => CallerRoleNames.Canonical(role) switch
    {
        CallerRole.Disaster => scope == AnalyticsEventScope.Aggregate,
        CallerRole.Waterworks => scope is AnalyticsEventScope.Aggregate or AnalyticsEventScope.Meter,
        CallerRole.Admin => true,
        CallerRole.Welfare => scope == AnalyticsEventScope.Welfare,
        _ => false,
    };

    /// <summary>Streams the changes until the client goes away or falls too far behind.</summary>
    public static async Task<IResult> StreamAsync(
        HttpContext http,
        [Description("The id of the last event received; the stream resumes after it.")][Microsoft.AspNetCore.Mvc.FromHeader(Name = "Last-Event-ID")] string? lastEventId,
        AnalyticsEventHub hub,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(hub);
        long? after = null;
        if (lastEventId is { Length: > 0 })
        {
            if (!long.TryParse(lastEventId, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return Problems.InvalidQuery($"Last-Event-ID must be the id of an event (digits); found {DetailText.Quote(lastEventId)}.");
            }

            after = parsed;
        }

        var role = http.Features.Get<CallerIdentity>()!.Role;
        using var subscription = hub.Subscribe(after);
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        try
        {
            await WriteAsync(response, ": connected\n\n", cancellationToken);
            await PumpAsync(response, subscription, role, time, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away: a clean end.
        }
        catch (IOException)
        {
            // The connection broke while writing: the same.
        }

        return TypedResults.Empty;
    }

    private static async Task PumpAsync(
        HttpResponse response, AnalyticsEventHub.Subscription subscription, CallerRole role, TimeProvider time, CancellationToken cancellationToken)
    {
        var reader = subscription.Events;
        Task<bool>? waiting = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            waiting ??= reader.WaitToReadAsync(cancellationToken).AsTask();
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var keepAlive = Task.Delay(KeepAlive, time, quiet.Token);
            if (await Task.WhenAny(waiting, keepAlive) == keepAlive)
            {
                await WriteAsync(response, ": keep-alive\n\n", cancellationToken);
                continue;
            }

            await quiet.CancelAsync();
            if (!await Completed(waiting))
            {
                // The hub dropped this listener (it fell too far behind): end; the client reconnects with Last-Event-ID.
                return;
            }

            waiting = null;
            var text = new StringBuilder();
            while (reader.TryRead(out var change))
            {
                if (Visible(role, change.Scope))
                {
                    text.Append(Format(change));
                }
            }

            if (text.Length > 0)
            {
                await WriteAsync(response, text.ToString(), cancellationToken);
            }
        }
    }

    private static async Task<bool> Completed(Task<bool> waiting)
    {
        try
        {
            return await waiting;
        }
        catch (InvalidOperationException)
        {
            // Completed with the hub's "fell too far behind" error.
            return false;
        }
    }

    /// <summary>One event in the text/event-stream format: id, event name, one data line, a blank line.</summary>
    public static string Format(AnalyticsEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        string json;
        // The same document goes to every listener; serialise one at a time.
        lock (change.Data)
        {
            json = AnalyticsJson.Write(change.Data);
        }

        return string.Create(CultureInfo.InvariantCulture, $"id: {change.Id}\nevent: {change.Type}\ndata: {json}\n\n");
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync(text, Encoding.UTF8, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
