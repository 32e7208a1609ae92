namespace Edge.Ingest.Model;

/// <summary>Answer to an accepted <c>POST /v1/batches</c>: the batch is durable when this is sent.</summary>
/// <param name="BatchId">Batch id, <c>gateway/sequence</c>.</param>
/// <param name="Duplicate">The batch was stored before; this request changed nothing.</param>
/// <param name="Stored">Readings newly stored.</param>
/// <param name="Duplicates">Readings dropped because their (device, seq) was already stored.</param>
public sealed record BatchAccepted(string BatchId, bool Duplicate, int Stored, int Duplicates);
