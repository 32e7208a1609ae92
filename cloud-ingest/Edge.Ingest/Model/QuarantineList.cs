namespace Edge.Ingest.Model;

/// <summary>Answer of <c>GET /v1/admin/quarantine</c>.</summary>
/// <param name="Devices">Per device and gateway, ordered by device id then gateway id.</param>
public sealed record QuarantineList(IReadOnlyList<QuarantineEntry> Devices);
