using System.Text.Json.Nodes;

namespace Edge.Ingest.Analytics.AreaService;

/// <summary>One area of the area catalogue: a 町丁目 or a district metered area whose water supply status is judged.</summary>
/// <param name="Id">The area id meters name in their registration (<c>statusArea</c>).</param>
/// <param name="Name">Name shown to operators.</param>
/// <param name="Geometry">RFC 7946 geometry (Polygon, MultiPolygon or Point), checked by <see cref="GeoJsonGeometry"/>; null when unknown.</param>
/// <param name="HouseholdsPerMeter">Households behind one meter, or null for the configured default.</param>
/// <param name="InflowMeterId">The district inflow meter of a DMA, left out of the area's customer meters; null when none.</param>
public sealed record StatusArea(string Id, string Name, JsonObject? Geometry, decimal? HouseholdsPerMeter = null, string? InflowMeterId = null);
