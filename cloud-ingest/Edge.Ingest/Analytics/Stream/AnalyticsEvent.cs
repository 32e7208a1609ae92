using System.Text.Json.Nodes;

namespace Edge.Ingest.Analytics.Stream;

/// <summary>
/// One change that the page and other listeners of <c>GET /v1/stream</c> see: an alarm change (meter or household
/// scale, never shown to the disaster role) or an area status change (aggregates only, shown to every reading role).
/// </summary>
/// <param name="Id">Increasing number given by the hub (the SSE <c>id:</c>, so a client can resume).</param>
/// <param name="Type">The SSE event name: <see cref="AnalyticsEventTypes"/>.</param>
/// <param name="Scope">Who may see it.</param>
/// <param name="Data">The JSON document sent as the event's data (the same shape as the matching REST resource).</param>
public sealed record AnalyticsEvent(long Id, string Type, AnalyticsEventScope Scope, JsonObject Data);

/// <summary>Who may receive an <see cref="AnalyticsEvent"/>.</summary>
public enum AnalyticsEventScope
{
    /// <summary>Aggregates (area status, sensor levels): every role that reads analytics, the disaster role included.</summary>
    Aggregate,

    /// <summary>A meter's alarm: waterworks and admin.</summary>
    Meter,

    /// <summary>A welfare event of an enrolled household (household id only): the welfare role and admin.</summary>
    Welfare,
}

/// <summary>The SSE event names of <c>GET /v1/stream</c>.</summary>
public static class AnalyticsEventTypes
{
    /// <summary>An alarm was raised, confirmed, cleared or acknowledged; data is the alarm resource.</summary>
    public const string Alarm = "alarm";

    /// <summary>An area's status changed; data is the area's GeoJSON Feature as in <c>GET /v1/areas/status</c>.</summary>
    public const string AreaStatus = "area-status";

    /// <summary>A welfare finding for an enrolled household.</summary>
    public const string Welfare = "welfare";
}
