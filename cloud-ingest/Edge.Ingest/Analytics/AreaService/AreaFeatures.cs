using System.Text.Json.Nodes;
using Edge.Ingest.Analytics.Areas;

namespace Edge.Ingest.Analytics.AreaService;

/// <summary>
/// The RFC 7946 documents of <c>GET /v1/areas/status</c> (API.md "Area status"): a FeatureCollection (§3.3) of one
/// Feature (§3.2) per area and one Point Feature per sensor. Aggregates only: no meter or household id is written.
/// </summary>
public static class AreaFeatures
{
    /// <summary>The FeatureCollection of <paramref name="board"/> at <paramref name="asOf"/> (for the data latency).</summary>
    public static JsonObject Collection(AreaStatusBoard board, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(board);
        var features = new JsonArray();
        foreach (var area in board.Areas)
        {
            features.Add(Area(area, asOf));
        }

        foreach (var sensor in board.Sensors)
        {
            features.Add(Sensor(sensor));
        }

        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = features };
    }

    /// <summary>The Feature of one area.</summary>
    public static JsonObject Area(AreaEntry entry, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var s = entry.Snapshot;
        var properties = new JsonObject
        {
            ["kind"] = "area",
            ["areaId"] = entry.Area.Id,
            ["name"] = entry.Area.Name,
            ["status"] = s is null ? "unknown" : AreaStatusNames.Of(s.Status),
            ["since"] = s is null || s.Status == AreaStatusKind.NoBaseline ? null : Instant(s.Since),
            ["hour"] = s is null ? null : Instant(s.Hour),
            ["metersTotal"] = entry.MetersTotal,
            ["metersReporting"] = s?.MetersReporting ?? 0,
            ["zeroFlowRatio"] = s is null ? 0m : Math.Round(s.ZeroFlowRatio, 4, MidpointRounding.AwayFromZero),
            ["householdsWithoutWater"] = s?.HouseholdsWithoutWater ?? 0,
            ["dataLatencySeconds"] = s is null ? null : (long)Math.Max(0, s.DataLatency(asOf).TotalSeconds),
            ["confidence"] = s is null ? 0m : Math.Round(s.Confidence, 4, MidpointRounding.AwayFromZero),
            ["detail"] = s?.Detail ?? "No meter of the area has sent data yet.",
        };
        return new JsonObject
        {
            ["type"] = "Feature",
            ["id"] = entry.Area.Id,
            ["geometry"] = entry.Area.Geometry?.DeepClone(),
            ["properties"] = properties,
        };
    }

    /// <summary>The Point Feature of one sensor channel.</summary>
    public static JsonObject Sensor(SensorEntry sensor)
    {
        ArgumentNullException.ThrowIfNull(sensor);
        return new JsonObject
        {
            ["type"] = "Feature",
            ["id"] = AnalyticsText.Of($"{sensor.DeviceId}/{sensor.Quantity}"),
            ["geometry"] = new JsonObject
            {
                ["type"] = "Point",
                // RFC 7946 §3.1.1: longitude first.
                ["coordinates"] = new JsonArray(sensor.Location.Longitude, sensor.Location.Latitude),
            },
            ["properties"] = new JsonObject
            {
                ["kind"] = "sensor",
                ["deviceId"] = sensor.DeviceId,
                ["areaId"] = sensor.AreaId,
                ["quantity"] = sensor.Quantity,
                ["value"] = sensor.Value,
                ["unit"] = sensor.Unit,
                ["observedAt"] = Instant(sensor.ObservedAt),
                ["level"] = sensor.Level,
            },
        };
    }

    private static string Instant(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
