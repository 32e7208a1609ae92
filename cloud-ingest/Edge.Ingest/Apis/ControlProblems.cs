using Microsoft.AspNetCore.Http.HttpResults;

namespace Edge.Ingest.Apis;

/// <summary>The problem details (RFC 9457) of the gateway remote-configuration endpoints (<see cref="GatewayControlApi"/>).</summary>
public static class ControlProblems
{
    /// <summary>400 or 422: the desired document or report is not acceptable; <c>errors</c> lists every defect.</summary>
    public const string InvalidDocument = "urn:edge:problem:invalid-control-document";

    /// <summary>403: a gateway key asked for another gateway's configuration.</summary>
    public const string OtherGateway = "urn:edge:problem:other-gateway";

    /// <summary>403: the disaster role sent more than <c>disasterMode</c>.</summary>
    public const string FieldNotAllowed = "urn:edge:problem:field-not-allowed";

    /// <summary>404: nothing is stored for the gateway.</summary>
    public const string NotSet = "urn:edge:problem:control-not-set";

    /// <summary>409: the version is not above the stored one.</summary>
    public const string VersionConflict = "urn:edge:problem:version-conflict";

    /// <summary>The problem for <paramref name="errors"/> (status 400 for unreadable JSON, else 422).</summary>
    public static ProblemHttpResult Invalid(string what, IReadOnlyList<string> errors)
    {
        var malformed = errors.Count == 1 && errors[0].Contains("not valid JSON", StringComparison.Ordinal);
        return TypedResults.Problem(
            detail: $"The {what} has {errors.Count} defect(s): {errors[0]}",
            statusCode: malformed ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity,
            title: $"Invalid {what}",
            type: InvalidDocument,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });
    }

    /// <summary>403 <see cref="OtherGateway"/>.</summary>
    public static ProblemHttpResult Other(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Another gateway's configuration", type: OtherGateway);

    /// <summary>403 <see cref="FieldNotAllowed"/>.</summary>
    public static ProblemHttpResult NotAllowed(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status403Forbidden, title: "Field not allowed for this role", type: FieldNotAllowed);

    /// <summary>404 <see cref="NotSet"/>.</summary>
    public static ProblemHttpResult Missing(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Nothing stored", type: NotSet);

    /// <summary>409 <see cref="VersionConflict"/>.</summary>
    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Version not above the stored one", type: VersionConflict);
}
