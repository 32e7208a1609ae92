namespace Edge.Ingest.Model;

/// <summary>Running totals since the database was created (<c>GET /v1/stats</c>).</summary>
/// <param name="Batches">Batches accepted and stored.</param>
/// <param name="DuplicateBatches">Batches received again after they were stored (dropped).</param>
/// <param name="Readings">Readings stored (never includes readings set aside).</param>
/// <param name="DuplicateReadings">Readings received again with a known (device, seq) (dropped).</param>
/// <param name="RejectedReadings">Readings set aside by the checks (<c>GET /v1/rejected</c>).</param>
public sealed record IngestStats(
    long Batches, long DuplicateBatches, long Readings, long DuplicateReadings, long RejectedReadings);
