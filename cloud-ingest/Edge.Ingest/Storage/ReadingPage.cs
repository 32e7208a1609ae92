namespace Edge.Ingest.Storage;

/// <summary>
/// One page of a device's readings in key order (observed time, then seq): those strictly after
/// (<paramref name="AfterObservedUnixMs"/>, <paramref name="AfterSeq"/>) when set, at most <paramref name="Limit"/>
/// when set. The database applies both, so a page costs its own size, not the device's history.
/// </summary>
/// <param name="AfterObservedUnixMs">Observed time of the last reading of the previous page.</param>
/// <param name="AfterSeq">Seq of the last reading of the previous page.</param>
/// <param name="Limit">Most readings to return.</param>
public sealed record ReadingPage(long? AfterObservedUnixMs, long AfterSeq, int? Limit)
{
    /// <summary>Every reading.</summary>
    public static ReadingPage All { get; } = new(null, 0, null);
}
