namespace Edge.Gateway.Links;

/// <summary>How a link's attempt to deliver a batch ended.</summary>
public enum LinkOutcome
{
    /// <summary>The ingest holds the batch; its rows may leave the store.</summary>
    Acknowledged,

    /// <summary>Not delivered or not confirmed (no signal, failed sessions, network error, 5xx): try again later.</summary>
    Transient,

    /// <summary>The ingest refused the batch (4xx): keep the rows, a person has to look; retry slowly.</summary>
    Refused,

    /// <summary>
    /// Stopped before the wire allowance of the send (<see cref="OutboundBatch.MaxWireBytes"/>, what the budget
    /// left) would be exceeded: not a link failure; the batch waits for budget.
    /// </summary>
    Deferred,
}
