namespace Edge.Gateway.Store;

/// <summary>A batch that was cut and not yet acknowledged by the ingest.</summary>
/// <param name="Sequence">Batch sequence: with the gateway id, the batch id.</param>
/// <param name="CreatedUnixMs">When it was cut; kept so a resent batch is the same batch.</param>
/// <param name="Readings">Number of readings assigned to it.</param>
internal sealed record PendingBatch(long Sequence, long CreatedUnixMs, int Readings);
