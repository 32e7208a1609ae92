using Microsoft.AspNetCore.Http.HttpResults;

namespace Edge.Ingest.Apis;

/// <summary>Builds the RFC 9457 problem responses of this service, each with a type, a title and an exact detail.</summary>
public static class Problems
{
    /// <summary>400 <see cref="ProblemTypes.MalformedBatch"/>.</summary>
    public static ProblemHttpResult MalformedBatch(string detail) =>
        Create(StatusCodes.Status400BadRequest, ProblemTypes.MalformedBatch, "Malformed batch", detail);

    /// <summary>400 <see cref="ProblemTypes.InvalidQuery"/>.</summary>
    public static ProblemHttpResult InvalidQuery(string detail) =>
        Create(StatusCodes.Status400BadRequest, ProblemTypes.InvalidQuery, "Invalid query parameter", detail);

    /// <summary>401 <see cref="ProblemTypes.Unauthenticated"/>.</summary>
    public static ProblemHttpResult Unauthenticated(string detail) =>
        Create(StatusCodes.Status401Unauthorized, ProblemTypes.Unauthenticated, "Not authenticated", detail);

    /// <summary>403 <see cref="ProblemTypes.Forbidden"/>.</summary>
    public static ProblemHttpResult Forbidden(string detail) =>
        Create(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "Role not allowed", detail);

    /// <summary>403 <see cref="ProblemTypes.GatewayMismatch"/>.</summary>
    public static ProblemHttpResult GatewayMismatch(string detail) =>
        Create(StatusCodes.Status403Forbidden, ProblemTypes.GatewayMismatch, "Batch from another gateway", detail);

    /// <summary>404 <see cref="ProblemTypes.UnknownMeter"/>.</summary>
    public static ProblemHttpResult UnknownMeter(string detail) =>
        Create(StatusCodes.Status404NotFound, ProblemTypes.UnknownMeter, "Unknown meter", detail);

    /// <summary>413 <see cref="ProblemTypes.BodyTooLarge"/>.</summary>
    public static ProblemHttpResult BodyTooLarge(string detail) =>
        Create(StatusCodes.Status413PayloadTooLarge, ProblemTypes.BodyTooLarge, "Request body too large", detail);

    /// <summary>415 <see cref="ProblemTypes.UnsupportedContentType"/>.</summary>
    public static ProblemHttpResult UnsupportedContentType(string detail) =>
        Create(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedContentType, "Unsupported content type", detail);

    /// <summary>422 <see cref="ProblemTypes.InvalidBatch"/>.</summary>
    public static ProblemHttpResult InvalidBatch(string detail) =>
        Create(StatusCodes.Status422UnprocessableEntity, ProblemTypes.InvalidBatch, "Batch not acceptable", detail);

    /// <summary>
    /// 400 <see cref="ProblemTypes.MalformedBatch"/> or 422 <see cref="ProblemTypes.InvalidBatch"/> for a third-party
    /// document, with an <c>errors</c> extension: <c>[{ "path", "message" }]</c>, every defect with its JSON path.
    /// </summary>
    public static ProblemHttpResult DocumentErrors(bool malformed, string detail, IReadOnlyList<Json.JsonPathError> errors) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: malformed ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity,
            title: malformed ? "Malformed batch" : "Batch not acceptable",
            type: malformed ? ProblemTypes.MalformedBatch : ProblemTypes.InvalidBatch,
            extensions: new Dictionary<string, object?> { ["errors"] = ErrorList(errors) });

    /// <summary>
    /// 422 <see cref="ProblemTypes.ReadingsInFuture"/> with a <c>rejections</c> extension:
    /// <c>[{ "deviceId", "seq", "reason" }]</c>, the first 20 readings.
    /// </summary>
    public static ProblemHttpResult ReadingsInFuture(string detail, IReadOnlyList<Model.Rejection> rejections) =>
        TypedResults.Problem(
            detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Readings from the future",
            type: ProblemTypes.ReadingsInFuture,
            extensions: new Dictionary<string, object?> { ["rejections"] = rejections });

    /// <summary>429 <see cref="ProblemTypes.RateLimited"/>; the caller sets <c>Retry-After</c>.</summary>
    public static ProblemHttpResult RateLimited(string detail) =>
        Create(StatusCodes.Status429TooManyRequests, ProblemTypes.RateLimited, "Too many requests", detail);

    /// <summary>404 <see cref="ProblemTypes.UnknownDevice"/>.</summary>
    public static ProblemHttpResult UnknownDevice(string detail) =>
        Create(StatusCodes.Status404NotFound, ProblemTypes.UnknownDevice, "Unknown device", detail);

    /// <summary>403 <see cref="ProblemTypes.DeviceNotOwned"/>.</summary>
    public static ProblemHttpResult DeviceNotOwned(string detail) =>
        Create(StatusCodes.Status403Forbidden, ProblemTypes.DeviceNotOwned, "Device of another gateway", detail);

    /// <summary>
    /// <see cref="ProblemTypes.InvalidDevice"/> with status <paramref name="status"/> (400 or 422) and an <c>errors</c>
    /// extension: <c>[{ "path", "message" }]</c>, every defect with its JSON path.
    /// </summary>
    public static ProblemHttpResult InvalidDevice(int status, string detail, IReadOnlyList<Json.JsonPathError> errors) =>
        TypedResults.Problem(
            detail: detail, statusCode: status, title: "Invalid device registration", type: ProblemTypes.InvalidDevice,
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = ErrorList(errors),
            });

    private static List<Dictionary<string, string>> ErrorList(IReadOnlyList<Json.JsonPathError> errors) =>
        [.. errors.Select(e => new Dictionary<string, string> { ["path"] = e.Path, ["message"] = e.Message })];

    private static ProblemHttpResult Create(int status, string type, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: type);
}
