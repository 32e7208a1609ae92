namespace Edge.Gateway.Links;

/// <summary>
/// A way home for batches: 5G/LTE HTTP, IP satellite, or narrowband satellite (Iridium SBD). The uplink hands a
/// link one encoded batch at a time and deletes the batch's rows only when the link answers
/// <see cref="LinkOutcome.Acknowledged"/>, i.e. when the ingest holds the batch (gateway promise 2). Link choice,
/// class allow-lists and byte budgets (issue 6) build on <see cref="Health"/> and <see cref="LinkResult.WireBytes"/>.
/// </summary>
public interface ILink
{
    /// <summary>Short name for logs, metrics and configuration, e.g. <c>http</c> or <c>iridium</c>.</summary>
    string Name { get; }

    /// <summary>Largest single message the link carries (bytes); larger batches are fragmented by the link or must be cut smaller.</summary>
    int MaxMessageBytes { get; }

    /// <summary>What the link has seen lately: failures in a row, last success, last round trip, bytes on the wire.</summary>
    LinkHealth Health { get; }

    /// <summary>
    /// Sends one encoded batch (Edge.Uplink v1) and waits until the ingest acknowledged it, refused it, or the
    /// link gave up for now. Never throws for link or ingest failures (they become <see cref="LinkOutcome.Transient"/>);
    /// only cancellation escapes.
    /// </summary>
    Task<LinkResult> SendAsync(OutboundBatch batch, CancellationToken cancellationToken);

    /// <summary>
    /// Wire bytes a send of a <paramref name="bodyBytes"/>-byte batch costs when nothing fails (framing, headers,
    /// acknowledgement included): what link choice checks against the budget before it sends.
    /// </summary>
    long EstimateWireBytes(int bodyBytes) => bodyBytes;
}
