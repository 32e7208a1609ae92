namespace Edge.Gateway.Links;

/// <summary>
/// A link that carries the remote-configuration exchange with the ingest over HTTP (<c>GET .../desired</c>,
/// <c>PUT .../reported</c>; gateway README "Remote configuration and disaster mode"), with the gateway's API key.
/// </summary>
public interface IControlHttp
{
    /// <summary>
    /// Sends one request to <paramref name="path"/> of the ingest (JSON body when <paramref name="json"/> is set,
    /// <c>If-None-Match</c> when <paramref name="ifNoneMatch"/> is). Network errors are answered, not thrown.
    /// </summary>
    Task<ControlHttpResult> ExchangeAsync(HttpMethod method, string path, byte[]? json, string? ifNoneMatch, CancellationToken cancellationToken);
}
