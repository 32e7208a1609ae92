namespace Edge.Gateway.Store;

/// <summary>Outcome of one committed frame.</summary>
/// <param name="Stored">Readings newly written.</param>
/// <param name="Duplicates">Readings already in the store by (device, seq), so ignored.</param>
internal readonly record struct StoreWriteResult(int Stored, int Duplicates);
