namespace Edge.Gateway.Store;

/// <summary>Outcome of one committed frame.</summary>
/// <param name="Stored">Readings newly written.</param>
/// <param name="Duplicates">Readings already in the store by (device, seq), so ignored.</param>
/// <param name="Events">Events newly written.</param>
internal readonly record struct StoreWriteResult(int Stored, int Duplicates, int Events = 0);
