namespace Edge.Ingest.Model;

/// <summary>Readings set aside by the checks (<c>GET /v1/rejected</c>).</summary>
/// <param name="Readings">Newest received first, then by device id and descending seq.</param>
public sealed record RejectedReadings(IReadOnlyList<RejectedReadingDetail> Readings);
