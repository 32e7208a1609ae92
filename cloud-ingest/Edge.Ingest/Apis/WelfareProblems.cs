using Microsoft.AspNetCore.Http.HttpResults;

namespace Edge.Ingest.Apis;

/// <summary>The problem details (RFC 9457) of the welfare service endpoints (<see cref="WelfareEventsApi"/>, <see cref="WelfareHouseholdsApi"/>).</summary>
public static class WelfareProblems
{
    /// <summary>400: the event id is not one this service gives out (32 lowercase hex digits).</summary>
    public const string InvalidEventId = "urn:edge:problem:invalid-welfare-event-id";

    /// <summary>404: no welfare event has that id.</summary>
    public const string UnknownEvent = "urn:edge:problem:unknown-welfare-event";

    /// <summary>404: no enrolled household has that id (a household not enrolled is not shown either).</summary>
    public const string UnknownHousehold = "urn:edge:problem:unknown-household";

    /// <summary>400 (not JSON) or 422: the body is not acceptable; <c>errors</c> lists every defect; nothing changed.</summary>
    public const string InvalidBody = "urn:edge:problem:invalid-welfare-request";

    /// <summary>400 <see cref="InvalidEventId"/>.</summary>
    public static ProblemHttpResult BadId(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid welfare event id", type: InvalidEventId);

    /// <summary>404 <see cref="UnknownEvent"/>.</summary>
    public static ProblemHttpResult Unknown(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Unknown welfare event", type: UnknownEvent);

    /// <summary>404 <see cref="UnknownHousehold"/>.</summary>
    public static ProblemHttpResult NoHousehold(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Unknown household", type: UnknownHousehold);

    /// <summary>400 or 422 <see cref="InvalidBody"/> with an <c>errors</c> extension.</summary>
    public static ProblemHttpResult Invalid(bool malformed, IReadOnlyList<string> errors) =>
        TypedResults.Problem(
            detail: $"The request has {errors.Count} defect(s); nothing changed. First: {errors[0]}",
            statusCode: malformed ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity,
            title: "Invalid welfare request",
            type: InvalidBody,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });
}
