namespace Edge.Gateway.Store;

/// <summary>What one device frame adds to the store: its readings and the events derived from their flags.</summary>
internal sealed record StoredFrame(IReadOnlyList<ReadingRecord> Readings, IReadOnlyList<EventRecord> Events);
