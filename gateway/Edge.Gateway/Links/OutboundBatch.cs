namespace Edge.Gateway.Links;

/// <summary>An encoded batch ready for a link.</summary>
/// <param name="Sequence">The batch sequence (with the gateway id, the batch id the ingest deduplicates by).</param>
/// <param name="Body">The batch encoded with <c>BatchCodec</c> (content type <c>application/vnd.edge.batch.v1</c>).</param>
public sealed record OutboundBatch(long Sequence, byte[] Body)
{
    /// <summary>
    /// Most wire bytes this send may cost (the budget left), or null for no limit. A link that can stop in time
    /// (Iridium: before each AT command) answers <see cref="LinkOutcome.Deferred"/> rather than exceed it.
    /// </summary>
    public long? MaxWireBytes { get; init; }
}
