using Edge.Ingest.Analytics.Areas;
using Edge.Ingest.Registry;

namespace Edge.Ingest.Analytics.AreaService;

/// <summary>The latest status of every area and the latest level of every sensor station, as of one recompute.</summary>
/// <param name="Areas">One entry per status area, in id order.</param>
/// <param name="Sensors">One entry per sensor channel shown, in device id order.</param>
/// <param name="ComputedAt">When the recompute ran (server clock).</param>
public sealed record AreaStatusBoard(IReadOnlyList<AreaEntry> Areas, IReadOnlyList<SensorEntry> Sensors, DateTimeOffset ComputedAt)
{
    /// <summary>Before the first recompute.</summary>
    public static AreaStatusBoard Empty { get; } = new([], [], DateTimeOffset.MinValue);
}

/// <summary>One area's latest status.</summary>
/// <param name="Area">The area (from the catalogue, or a bare id and name when it is not catalogued).</param>
/// <param name="MetersTotal">Customer meters counted in the area.</param>
/// <param name="Snapshot">The status after the newest judged hour; null when no meter of the area ever sent data.</param>
public sealed record AreaEntry(StatusArea Area, int MetersTotal, AreaStatusSnapshot? Snapshot);

/// <summary>The latest reading of one sensor channel with its class.</summary>
/// <param name="DeviceId">The sensor.</param>
/// <param name="AreaId">Its municipality (JIS X 0402).</param>
/// <param name="Location">Where it is.</param>
/// <param name="Quantity"><c>river-level</c>, <c>rainfall</c>, <c>inundation</c> or <c>seismic-intensity</c>.</param>
/// <param name="Value">The canonical value.</param>
/// <param name="Unit">The canonical unit.</param>
/// <param name="ObservedAt">Observed time of the reading.</param>
/// <param name="Level">The class name of the rule (e.g. <c>flood-danger</c>, <c>band-50</c>, <c>5-lower</c>); null when the station's levels are not known.</param>
public sealed record SensorEntry(
    string DeviceId, string AreaId, GeoPoint Location, string Quantity, decimal Value, string Unit, DateTimeOffset ObservedAt, string? Level);
