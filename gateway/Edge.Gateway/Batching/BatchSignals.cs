namespace Edge.Gateway.Batching;

/// <summary>The wake-up calls between the batcher and the uplink (a DI singleton).</summary>
internal sealed class BatchSignals
{
    /// <summary>Set by the batcher when it cut a batch: the uplink has something to send.</summary>
    public BatchSignal Cut { get; } = new();

    /// <summary>Set by the uplink when a batch was acknowledged: the batcher may cut the next one.</summary>
    public BatchSignal Acknowledged { get; } = new();
}
