namespace Edge.Ingest.Storage;

/// <summary>A span [from, to) in Unix milliseconds.</summary>
/// <param name="FromUnixMs">Start.</param>
/// <param name="ToUnixMs">End.</param>
public sealed record StoredWelfarePeriod(long FromUnixMs, long ToUnixMs);
