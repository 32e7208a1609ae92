namespace Edge.Gateway.Batching;

/// <summary>When a batch is cut and how large it may be (<c>Edge:Gateway:Batch</c>).</summary>
public sealed class BatchOptions
{
    /// <summary>Most items (readings, events, gap records) in one batch; a batch is cut as soon as this many are waiting.</summary>
    public int MaxReadings { get; set; } = 5000;

    /// <summary>Largest encoded batch in bytes, or 0 for no limit (then a batch is not encoded before it is sent).</summary>
    public int MaxBytes { get; set; }

    /// <summary>A batch is cut when the oldest waiting reading (class reading) has waited this long, however few are waiting.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait of an alarm event: 0, a batch is cut as soon as an alarm is stored.</summary>
    public TimeSpan AlarmMaxDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Longest wait of a status event or a gap record.</summary>
    public TimeSpan StatusMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait of a backfill reading (observed long before it was received).</summary>
    public TimeSpan BackfillMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Most batches cut but not yet acknowledged. Readings beyond them stay unbatched, so that later policies
    /// (priorities, newest first after an outage, eviction) can still choose among them.
    /// </summary>
    public int MaxPendingBatches { get; set; } = 2;

    /// <summary>The longest wait of <paramref name="dataClass"/>.</summary>
    public TimeSpan MaxDelayOf(Store.DataClass dataClass) => dataClass switch
    {
        Store.DataClass.Alarm => AlarmMaxDelay,
        Store.DataClass.Status => StatusMaxDelay,
        Store.DataClass.Reading => MaxDelay,
        _ => BackfillMaxDelay,
    };

    /// <summary>How often the batcher looks for readings to cut when nothing wakes it earlier.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
