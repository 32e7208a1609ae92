using Edge.Uplink;

namespace Edge.Gateway.Store;

/// <summary>Everything assigned to one batch, each list in a stable order, so a rebuilt batch is the same batch.</summary>
internal sealed record BatchContent(IReadOnlyList<ReadingRecord> Readings, IReadOnlyList<EventRecord> Events, IReadOnlyList<GapRecord> Gaps);
