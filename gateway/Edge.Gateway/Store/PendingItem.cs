using Edge.Uplink;

namespace Edge.Gateway.Store;

/// <summary>One waiting row offered to the batcher: exactly one of reading, event or gap is set.</summary>
/// <param name="Id">Row id in its table.</param>
/// <param name="Reading">A reading, or null.</param>
/// <param name="Event">An event, or null.</param>
/// <param name="Gap">A gap record, or null.</param>
internal sealed record PendingItem(long Id, ReadingRecord? Reading, EventRecord? Event, GapRecord? Gap);
