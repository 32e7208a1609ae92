namespace Edge.Gateway.Store;

/// <summary>What is waiting to be batched.</summary>
/// <param name="Count">Unbatched readings, counted up to the limit asked for.</param>
/// <param name="OldestReceivedUnixMs">Receive time of the oldest unbatched reading, or null when there is none.</param>
internal readonly record struct UnbatchedSummary(int Count, long? OldestReceivedUnixMs);
