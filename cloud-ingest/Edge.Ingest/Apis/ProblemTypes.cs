namespace Edge.Ingest.Apis;

/// <summary>
/// The <c>type</c> URIs of the problem details this service returns (RFC 9457 §3.1.1). They are stable
/// identifiers for clients to switch on; they are not meant to be dereferenced.
/// </summary>
public static class ProblemTypes
{
    /// <summary>400: the batch could not be decoded.</summary>
    public const string MalformedBatch = "urn:edge:problem:malformed-batch";

    /// <summary>400: a query parameter is invalid.</summary>
    public const string InvalidQuery = "urn:edge:problem:invalid-query";

    /// <summary>401: no or an unknown API key.</summary>
    public const string Unauthenticated = "urn:edge:problem:unauthenticated";

    /// <summary>403: the caller's role does not allow the request.</summary>
    public const string Forbidden = "urn:edge:problem:forbidden";

    /// <summary>403: the batch names a gateway other than the caller's.</summary>
    public const string GatewayMismatch = "urn:edge:problem:gateway-mismatch";

    /// <summary>404: no readings of that meter are stored.</summary>
    public const string UnknownMeter = "urn:edge:problem:unknown-meter";

    /// <summary>413: the request body is larger than allowed.</summary>
    public const string BodyTooLarge = "urn:edge:problem:body-too-large";

    /// <summary>415: the request body's content type is not accepted.</summary>
    public const string UnsupportedContentType = "urn:edge:problem:unsupported-content-type";

    /// <summary>
    /// 422: the batch decodes but cannot be accepted as a whole (too many readings, missing lists or ids). A bad
    /// reading does not refuse its batch: it is set aside and the answer says so.
    /// </summary>
    public const string InvalidBatch = "urn:edge:problem:invalid-batch";

    /// <summary>404: no device with that id is registered.</summary>
    public const string UnknownDevice = "urn:edge:problem:unknown-device";

    /// <summary>422 (400 for a body that is not JSON): a device registration is invalid; <c>errors</c> lists every defect with its JSON path.</summary>
    public const string InvalidDevice = "urn:edge:problem:invalid-device";

    /// <summary>429: the gateway sent more requests than its rate limit allows; <c>Retry-After</c> says when to try again.</summary>
    public const string RateLimited = "urn:edge:problem:rate-limited";

    /// <summary>403: the batch carries readings of a device registered to another gateway; nothing of it is stored.</summary>
    public const string DeviceNotOwned = "urn:edge:problem:device-not-owned";

    /// <summary>
    /// 422: every reading of the batch is observed too far ahead of the server clock, so nothing of it would be
    /// stored; nothing is, not even its batch id, so the same batch is accepted once the clocks agree. (A batch with
    /// some good readings is stored and its future readings set aside, listed in the answer.)
    /// </summary>
    public const string ReadingsInFuture = "urn:edge:problem:readings-in-future";
}
