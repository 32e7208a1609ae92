namespace Edge.Gateway.Links.Iridium;

/// <summary>What the ingest said about a batch, as carried back in an <see cref="SbdAck"/>.</summary>
public enum SbdAckStatus
{
    /// <summary>200: the batch is durable at the ingest (new or a duplicate of one already stored).</summary>
    Stored = 0,

    /// <summary>4xx: the ingest refused the batch; it needs a person.</summary>
    Refused = 1,
}
