namespace Edge.Ingest.Storage;

/// <summary>What storing a batch did.</summary>
/// <param name="Duplicate">The batch id was already stored; nothing was written.</param>
/// <param name="Stored">Readings newly stored.</param>
/// <param name="Duplicates">Readings whose (device, seq) was already stored and were dropped.</param>
public sealed record StoreBatchOutcome(bool Duplicate, int Stored, int Duplicates);
