namespace Edge.Gateway.Batching;

/// <summary>The wake-up calls between the batcher and the uplink (a DI singleton).</summary>
internal sealed class BatchSignals
{
    /// <summary>Set by the batcher when it cut a batch: the uplink has something to send.</summary>
    public BatchSignal Cut { get; } = new();

    /// <summary>
    /// Wakes the batcher: set by the uplink when a batch was acknowledged (the next one may be cut) and by the
    /// store writer when an alarm was committed (alarms are cut at once).
    /// </summary>
    public BatchSignal Wake { get; } = new();
}
