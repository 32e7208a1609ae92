using Microsoft.AspNetCore.Http.HttpResults;

namespace Edge.Ingest.Apis;

/// <summary>The problem details (RFC 9457) of the alarm endpoints (<see cref="AlarmsApi"/>).</summary>
public static class AlarmProblems
{
    /// <summary>400: the alarm id is not one this service gives out (32 lowercase hex digits).</summary>
    public const string InvalidAlarmId = "urn:edge:problem:invalid-alarm-id";

    /// <summary>404: no alarm has that id.</summary>
    public const string UnknownAlarm = "urn:edge:problem:unknown-alarm";

    /// <summary>400 (not JSON) or 422: the command body is not acceptable; <c>errors</c> lists every defect.</summary>
    public const string InvalidCommand = "urn:edge:problem:invalid-alarm-command";

    /// <summary>409: an operator may clear only a latching alarm (tamper); the others clear from data.</summary>
    public const string NotLatching = "urn:edge:problem:alarm-not-latching";

    /// <summary>400 <see cref="InvalidAlarmId"/>.</summary>
    public static ProblemHttpResult BadId(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid alarm id", type: InvalidAlarmId);

    /// <summary>404 <see cref="UnknownAlarm"/>.</summary>
    public static ProblemHttpResult Unknown(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Unknown alarm", type: UnknownAlarm);

    /// <summary>409 <see cref="NotLatching"/>.</summary>
    public static ProblemHttpResult Latching(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Alarm does not latch", type: NotLatching);

    /// <summary>400 or 422 <see cref="InvalidCommand"/> with an <c>errors</c> extension.</summary>
    public static ProblemHttpResult Invalid(bool malformed, IReadOnlyList<string> errors) =>
        TypedResults.Problem(
            detail: $"The command has {errors.Count} defect(s); nothing changed. First: {errors[0]}",
            statusCode: malformed ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity,
            title: "Invalid alarm command",
            type: InvalidCommand,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });
}
