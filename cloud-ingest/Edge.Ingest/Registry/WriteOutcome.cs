namespace Edge.Ingest.Registry;

/// <summary>What happens to a gateway's readings of one device (DESIGN.md "Ingest promises" 5).</summary>
public enum WriteOutcome
{
    /// <summary>The device is registered to this gateway: store the readings.</summary>
    Accept,

    /// <summary>The device is not registered: keep the readings apart, flagged for an operator, out of consumption.</summary>
    QuarantineUnknown,

    /// <summary>The device is registered to another gateway: refuse, store nothing.</summary>
    RefuseOtherGateway,
}
