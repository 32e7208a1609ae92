using System.Text.Json;

namespace Edge.Ingest.Tests.Analytics.AreaService;

/// <summary>
/// RFC 7946 checks written for the tests from the RFC's text, independent of the server's reader: type names (§1.4),
/// FeatureCollection (§3.3) of Features (§3.2, each with geometry and properties members), positions [lon, lat]
/// within range (§3.1.1, §4), linear rings closed with at least four positions and exterior rings counterclockwise,
/// holes clockwise (§3.1.6).
/// </summary>
internal static class GeoJsonRules
{
    public static void AssertValidCollection(JsonElement root)
    {
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        foreach (var feature in root.GetProperty("features").EnumerateArray())
        {
            Assert.Equal("Feature", feature.GetProperty("type").GetString());
            Assert.True(feature.TryGetProperty("properties", out var properties) && properties.ValueKind is JsonValueKind.Object or JsonValueKind.Null);
            Assert.True(feature.TryGetProperty("geometry", out var geometry), "A Feature has a geometry member (RFC 7946 §3.2).");
            if (geometry.ValueKind != JsonValueKind.Null)
            {
                AssertGeometry(geometry);
            }
        }
    }

    private static void AssertGeometry(JsonElement geometry)
    {
        var coordinates = geometry.GetProperty("coordinates");
        switch (geometry.GetProperty("type").GetString())
        {
            case "Point":
                AssertPosition(coordinates);
                break;
            case "Polygon":
                AssertPolygon(coordinates);
                break;
            case "MultiPolygon":
                foreach (var polygon in coordinates.EnumerateArray())
                {
                    AssertPolygon(polygon);
                }

                break;
            default:
                Assert.Fail($"Unexpected geometry type {geometry.GetProperty("type")}.");
                break;
        }
    }

    private static void AssertPolygon(JsonElement rings)
    {
        var index = 0;
        foreach (var ring in rings.EnumerateArray())
        {
            var points = ring.EnumerateArray().Select(p => { AssertPosition(p); return (X: p[0].GetDouble(), Y: p[1].GetDouble()); }).ToList();
            Assert.True(points.Count >= 4, "A linear ring has four or more positions.");
            Assert.Equal(points[0], points[^1]);
            var twiceArea = 0.0;
            for (var k = 0; k + 1 < points.Count; k++)
            {
                twiceArea += (points[k].X * points[k + 1].Y) - (points[k + 1].X * points[k].Y);
            }

            Assert.True(index == 0 ? twiceArea > 0 : twiceArea < 0, index == 0 ? "Exterior ring counterclockwise." : "Hole clockwise.");
            index++;
        }
    }

    private static void AssertPosition(JsonElement position)
    {
        Assert.InRange(position.GetArrayLength(), 2, 3);
        Assert.InRange(position[0].GetDouble(), -180, 180);
        Assert.InRange(position[1].GetDouble(), -90, 90);
    }
}
