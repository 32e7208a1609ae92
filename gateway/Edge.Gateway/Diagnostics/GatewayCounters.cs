namespace Edge.Gateway.Diagnostics;

/// <summary>
/// Running totals since the gateway started, safe to update from any thread. One instance per host
/// (a DI singleton); <see cref="CountersReporter"/> logs them periodically.
/// </summary>
public sealed class GatewayCounters
{
    private long _framesAccepted;
    private long _framesRefused;
    private long _readingsStored;
    private long _readingsDuplicate;
    private long _storeCommits;
    private long _storeFailures;
    private long _batchesCut;
    private long _batchesAcknowledged;
    private long _uplinkFailures;
    private long _readingsEvicted;
    private long _eventsEvicted;
    private long _readingsExpired;
    private long _eventsExpired;

    /// <summary>Frames committed to the store and acknowledged with success.</summary>
    public long FramesAccepted => Interlocked.Read(ref _framesAccepted);

    /// <summary>Frames refused: malformed, wrong topic, or the store could not commit them.</summary>
    public long FramesRefused => Interlocked.Read(ref _framesRefused);

    /// <summary>Readings newly written to the store.</summary>
    public long ReadingsStored => Interlocked.Read(ref _readingsStored);

    /// <summary>Readings already in the store by (device, seq), e.g. a retransmission after a lost PUBACK.</summary>
    public long ReadingsDuplicate => Interlocked.Read(ref _readingsDuplicate);

    /// <summary>Store transactions committed (each may carry many frames: group commit).</summary>
    public long StoreCommits => Interlocked.Read(ref _storeCommits);

    /// <summary>Store transactions that failed.</summary>
    public long StoreFailures => Interlocked.Read(ref _storeFailures);

    /// <summary>Batches cut from stored readings.</summary>
    public long BatchesCut => Interlocked.Read(ref _batchesCut);

    /// <summary>Batches the ingest acknowledged (and whose readings left the store).</summary>
    public long BatchesAcknowledged => Interlocked.Read(ref _batchesAcknowledged);

    /// <summary>Failed attempts to deliver a batch (transient or refused).</summary>
    public long UplinkFailures => Interlocked.Read(ref _uplinkFailures);

    /// <summary>Waiting readings evicted because the store was full (each reported by a gap record).</summary>
    public long ReadingsEvicted => Interlocked.Read(ref _readingsEvicted);

    /// <summary>Waiting events evicted because the store was full (each reported by a gap record).</summary>
    public long EventsEvicted => Interlocked.Read(ref _eventsEvicted);

    /// <summary>Waiting readings removed after their class's TTL (each reported by a gap record).</summary>
    public long ReadingsExpired => Interlocked.Read(ref _readingsExpired);

    /// <summary>Waiting events removed after their class's TTL (each reported by a gap record).</summary>
    public long EventsExpired => Interlocked.Read(ref _eventsExpired);

    internal void Evicted(long readings, long events)
    {
        Interlocked.Add(ref _readingsEvicted, readings);
        Interlocked.Add(ref _eventsEvicted, events);
    }

    internal void Expired(long readings, long events)
    {
        Interlocked.Add(ref _readingsExpired, readings);
        Interlocked.Add(ref _eventsExpired, events);
    }

    internal void FrameAccepted() => Interlocked.Increment(ref _framesAccepted);

    internal void FrameRefused() => Interlocked.Increment(ref _framesRefused);

    internal void Stored(long stored, long duplicates)
    {
        Interlocked.Add(ref _readingsStored, stored);
        Interlocked.Add(ref _readingsDuplicate, duplicates);
    }

    internal void StoreCommitted() => Interlocked.Increment(ref _storeCommits);

    internal void StoreFailed() => Interlocked.Increment(ref _storeFailures);

    internal void BatchCut() => Interlocked.Increment(ref _batchesCut);

    internal void BatchAcknowledged() => Interlocked.Increment(ref _batchesAcknowledged);

    internal void UplinkFailed() => Interlocked.Increment(ref _uplinkFailures);

    /// <inheritdoc />
    public override string ToString() =>
        $"frames accepted={FramesAccepted} refused={FramesRefused}; readings stored={ReadingsStored} duplicate={ReadingsDuplicate}; " +
        $"store commits={StoreCommits} failures={StoreFailures}; batches cut={BatchesCut} acknowledged={BatchesAcknowledged} uplink failures={UplinkFailures}; " +
        $"evicted readings={ReadingsEvicted} events={EventsEvicted}; expired readings={ReadingsExpired} events={EventsExpired}";
}
