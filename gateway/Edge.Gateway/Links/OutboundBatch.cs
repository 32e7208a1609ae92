namespace Edge.Gateway.Links;

/// <summary>An encoded batch ready for a link.</summary>
/// <param name="Sequence">The batch sequence (with the gateway id, the batch id the ingest deduplicates by).</param>
/// <param name="Body">The batch encoded with <c>BatchCodec</c> (content type <c>application/vnd.edge.batch.v1</c>).</param>
public sealed record OutboundBatch(long Sequence, byte[] Body);
