namespace Edge.Gateway.Links;

/// <summary>The answer of <see cref="IControlHttp.ExchangeAsync"/>.</summary>
/// <param name="Status">HTTP status, or null when no answer came.</param>
/// <param name="ETag">The answer's entity tag, or null.</param>
/// <param name="Body">The answer's body (empty when none).</param>
/// <param name="Detail">One line for the log.</param>
/// <param name="WireBytes">Bytes the exchange put on the link's wire.</param>
public sealed record ControlHttpResult(int? Status, string? ETag, byte[] Body, string Detail, long WireBytes);
