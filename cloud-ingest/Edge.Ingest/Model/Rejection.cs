namespace Edge.Ingest.Model;

/// <summary>One reading of a batch that was set aside, as listed in the answer to <c>POST /v1/batches</c>.</summary>
/// <param name="DeviceId">Device id.</param>
/// <param name="Seq">Per-device sequence number.</param>
/// <param name="Reason">Why it was set aside.</param>
public sealed record Rejection(string DeviceId, long Seq, string Reason);
