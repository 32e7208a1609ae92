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
    private long _telegramsAccepted;
    private long _telegramsDuplicate;
    private long _telegramErrors;
    private long _telegramsIgnored;
    private long _inputGarbageBytes;
    private long _lastCommitUnixMs = long.MinValue;
    private long _lastFailureUnixMs = long.MinValue;

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

    /// <summary>How long the frame writer's transactions took, commit (fsync) included.</summary>
    public LatencyHistogram CommitLatency { get; } = new();

    /// <summary>When the frame writer last committed a transaction; null before the first.</summary>
    public DateTimeOffset? LastStoreCommit => FromUnixMs(Interlocked.Read(ref _lastCommitUnixMs));

    /// <summary>When a frame writer transaction last failed; null if none has.</summary>
    public DateTimeOffset? LastStoreFailure => FromUnixMs(Interlocked.Read(ref _lastFailureUnixMs));

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

    /// <summary>Meter telegrams (radio or wired) whose reading the store committed.</summary>
    public long TelegramsAccepted => Interlocked.Read(ref _telegramsAccepted);

    /// <summary>Meter telegrams dropped as repetitions of the meter's previous telegram (same access number and bytes).</summary>
    public long TelegramsDuplicate => Interlocked.Read(ref _telegramsDuplicate);

    /// <summary>Meter telegrams or readouts that failed: decoding, decryption, no volume record, bus errors, store failures.</summary>
    public long TelegramErrors => Interlocked.Read(ref _telegramErrors);

    /// <summary>Telegrams of meters not configured on their input (neighbours' meters), ignored.</summary>
    public long TelegramsIgnored => Interlocked.Read(ref _telegramsIgnored);

    /// <summary>Bytes skipped on serial inputs to find the next frame or line (line noise, broken frames).</summary>
    public long InputGarbageBytes => Interlocked.Read(ref _inputGarbageBytes);

    internal void TelegramAccepted() => Interlocked.Increment(ref _telegramsAccepted);

    internal void TelegramDuplicate() => Interlocked.Increment(ref _telegramsDuplicate);

    internal void TelegramFailed() => Interlocked.Increment(ref _telegramErrors);

    internal void TelegramIgnored() => Interlocked.Increment(ref _telegramsIgnored);

    internal void InputGarbage(long bytes) => Interlocked.Add(ref _inputGarbageBytes, bytes);

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

    /// <summary>A frame writer transaction committed after <paramref name="latency"/> (begin to commit).</summary>
    internal void StoreCommitted(TimeSpan latency, DateTimeOffset now)
    {
        CommitLatency.Observe(latency);
        Interlocked.Exchange(ref _lastCommitUnixMs, now.ToUnixTimeMilliseconds());
        Interlocked.Increment(ref _storeCommits);
    }

    /// <summary>A frame writer transaction failed at <paramref name="now"/>.</summary>
    internal void StoreFailed(DateTimeOffset now)
    {
        Interlocked.Exchange(ref _lastFailureUnixMs, now.ToUnixTimeMilliseconds());
        Interlocked.Increment(ref _storeFailures);
    }

    internal void BatchCut() => Interlocked.Increment(ref _batchesCut);

    internal void BatchAcknowledged() => Interlocked.Increment(ref _batchesAcknowledged);

    internal void UplinkFailed() => Interlocked.Increment(ref _uplinkFailures);

    private static DateTimeOffset? FromUnixMs(long unixMs) => unixMs == long.MinValue ? null : DateTimeOffset.FromUnixTimeMilliseconds(unixMs);

    /// <inheritdoc />
    public override string ToString() =>
        $"frames accepted={FramesAccepted} refused={FramesRefused}; readings stored={ReadingsStored} duplicate={ReadingsDuplicate}; " +
        $"store commits={StoreCommits} failures={StoreFailures}; batches cut={BatchesCut} acknowledged={BatchesAcknowledged} uplink failures={UplinkFailures}; " +
        $"evicted readings={ReadingsEvicted} events={EventsEvicted}; expired readings={ReadingsExpired} events={EventsExpired}; " +
        $"telegrams accepted={TelegramsAccepted} duplicate={TelegramsDuplicate} errors={TelegramErrors} ignored={TelegramsIgnored}; input garbage bytes={InputGarbageBytes}";
}
