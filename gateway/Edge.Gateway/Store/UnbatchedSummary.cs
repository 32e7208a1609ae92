namespace Edge.Gateway.Store;

/// <summary>What is waiting to be batched.</summary>
/// <param name="Count">Waiting readings, events and gap records, counted up to the limit asked for.</param>
/// <param name="OldestReceivedUnixMs">
/// Per class (index = <see cref="DataClass"/>), the receive time of the oldest waiting item, or null when the
/// class has none. Gap records count as status.
/// </param>
internal sealed record UnbatchedSummary(int Count, long?[] OldestReceivedUnixMs);
