namespace Edge.HwSim.Demo;

/// <summary>The ingest's totals (GET /v1/stats).</summary>
public sealed record IngestStats(long Batches, long DuplicateBatches, long Readings, long DuplicateReadings);
