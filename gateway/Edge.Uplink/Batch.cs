namespace Edge.Uplink;

/// <summary>
/// One gateway-to-cloud batch. Its id is (<see cref="GatewayId"/>, <see cref="Sequence"/>); the ingest
/// deduplicates by that id and by (device, seq) of every reading.
/// </summary>
public sealed record Batch(
    string GatewayId,
    long Sequence,
    long CreatedUnixMs,
    IReadOnlyList<DeviceRun> Devices,
    IReadOnlyList<BatchEvent> Events,
    IReadOnlyList<GapRecord> Gaps);
