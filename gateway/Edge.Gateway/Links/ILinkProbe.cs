namespace Edge.Gateway.Links;

/// <summary>A link that can check itself cheaply without sending a batch (an IP link's GET of the ingest's health).</summary>
public interface ILinkProbe
{
    /// <summary>
    /// One light check: <see cref="LinkOutcome.Acknowledged"/> when the far end answered healthy, else
    /// <see cref="LinkOutcome.Transient"/>; <see cref="LinkResult.WireBytes"/> counts what it cost. Never throws but for cancellation.
    /// </summary>
    Task<LinkResult> ProbeAsync(CancellationToken cancellationToken);
}
