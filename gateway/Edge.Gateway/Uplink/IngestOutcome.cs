namespace Edge.Gateway.Uplink;

/// <summary>How the ingest answered a batch.</summary>
internal enum IngestOutcome
{
    /// <summary>200: the batch is durable at the ingest; its readings may leave the store.</summary>
    Acknowledged,

    /// <summary>5xx, 408, 429, a timeout or a network error: try again after a backoff.</summary>
    Transient,

    /// <summary>Any other answer (400, 401, 403, 413, 415, 422, ...): needs a person; keep the readings and retry slowly.</summary>
    Refused,
}
