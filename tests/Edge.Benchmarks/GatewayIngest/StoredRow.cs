namespace Edge.Benchmarks.GatewayIngest;

/// <summary>One row of the gateway's <c>readings</c> table as the gateway's writer inserts it (batch_seq is NULL then).</summary>
internal readonly record struct StoredRow(
    string Device,
    long Seq,
    string Channel,
    string Unit,
    long Mantissa,
    long Scale,
    long ObservedMs,
    long ClockQuality,
    long Flags,
    long ReceivedMs,
    long Class);
