using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Edge.Ingest.Json;

namespace Edge.Ingest.Analytics.AreaService;

/// <summary>
/// Reads and checks an RFC 7946 geometry of an area: a Point (§3.1.2), a Polygon (§3.1.6) or a MultiPolygon (§3.1.7).
/// Positions are [longitude, latitude] (§3.1.1, §4) within −180..180 and −90..90, an optional altitude allowed. Each
/// linear ring has at least four positions, its first and last equal, and follows the right-hand rule (§3.1.6:
/// exterior rings counterclockwise, holes clockwise); a ring enclosing no area is refused. The antimeridian is not
/// crossed by any Tokyo area, so rings that cut it (§3.1.9) are not supported.
/// </summary>
public static class GeoJsonGeometry
{
    /// <summary>The geometry at <paramref name="path"/>, rebuilt as a JSON object; null after adding the defects to <paramref name="errors"/>.</summary>
    public static JsonObject? Read(JsonElement element, string path, List<JsonPathError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (StrictJsonObject.Open(element, path, errors) is not { } o)
        {
            return null;
        }

        var before = errors.Count;
        var type = o.RequiredString("type");
        JsonArray? coordinates = null;
        if (element.TryGetProperty("coordinates", out var raw))
        {
            var at = o.Child("coordinates");
            coordinates = type switch
            {
                "Point" => Position(raw, at, errors),
                "Polygon" => Polygon(raw, at, errors),
                "MultiPolygon" => Many(raw, at, errors, Polygon, "polygon"),
                _ => null,
            };
        }

        // Marks the member as read; the value was checked above.
        _ = o.Array("coordinates", required: true);
        if (type is not null and not ("Point" or "Polygon" or "MultiPolygon"))
        {
            o.Error("type", $"An area is a Point, Polygon or MultiPolygon (RFC 7946 §3.1); found {DetailText.Quote(type)}.");
        }

        o.RejectUnknownMembers();
        return errors.Count > before || coordinates is null ? null : new JsonObject { ["type"] = type, ["coordinates"] = coordinates };
    }

    private static JsonArray? Polygon(JsonElement rings, string path, List<JsonPathError> errors)
    {
        var result = Many(rings, path, errors, Ring, "linear ring");
        if (result is null)
        {
            return null;
        }

        for (var i = 0; i < result.Count; i++)
        {
            var area = SignedArea((JsonArray)result[i]!);
            var exterior = i == 0;
            if (area == 0)
            {
                errors.Add(new JsonPathError(Index(path, i), "The ring encloses no area."));
            }
            else if (exterior != area > 0)
            {
                errors.Add(new JsonPathError(Index(path, i), exterior
                    ? "The exterior ring must be counterclockwise (RFC 7946 §3.1.6, right-hand rule)."
                    : "A hole must be clockwise (RFC 7946 §3.1.6, right-hand rule)."));
            }
        }

        return result;
    }

    private static JsonArray? Ring(JsonElement ring, string path, List<JsonPathError> errors)
    {
        var positions = Many(ring, path, errors, Position, "position");
        if (positions is null)
        {
            return null;
        }

        if (positions.Count < 4)
        {
            errors.Add(new JsonPathError(path, "A linear ring has at least four positions (RFC 7946 §3.1.6)."));
            return null;
        }

        var (first, last) = ((JsonArray)positions[0]!, (JsonArray)positions[^1]!);
        if (Lon(first) != Lon(last) || Lat(first) != Lat(last))
        {
            errors.Add(new JsonPathError(path, "A linear ring is closed: its last position equals its first (RFC 7946 §3.1.6)."));
            return null;
        }

        return positions;
    }

    private static JsonArray? Position(JsonElement position, string path, List<JsonPathError> errors)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() is not (2 or 3)
            || position.EnumerateArray().Any(n => n.ValueKind != JsonValueKind.Number))
        {
            errors.Add(new JsonPathError(path, "A position is [longitude, latitude] or [longitude, latitude, altitude], numbers (RFC 7946 §3.1.1)."));
            return null;
        }

        var values = position.EnumerateArray().Select(n => n.GetDouble()).ToArray();
        if (Math.Abs(values[0]) > 180 || Math.Abs(values[1]) > 90)
        {
            errors.Add(new JsonPathError(path, string.Create(CultureInfo.InvariantCulture,
                $"Longitude comes first and lies within -180..180, latitude within -90..90 (RFC 7946 §4); found [{values[0]}, {values[1]}].")));
            return null;
        }

        return [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
    }

    private static JsonArray? Many(
        JsonElement array, string path, List<JsonPathError> errors, Func<JsonElement, string, List<JsonPathError>, JsonArray?> item, string what)
    {
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
        {
            errors.Add(new JsonPathError(path, $"Expected a non-empty array of {what}s."));
            return null;
        }

        var result = new JsonArray();
        var ok = true;
        var i = 0;
        foreach (var element in array.EnumerateArray())
        {
            var read = item(element, Index(path, i++), errors);
            ok &= read is not null;
            result.Add(read);
        }

        return ok ? result : null;
    }

    /// <summary>Twice the signed area of a closed ring in the lon/lat plane (shoelace): positive when counterclockwise.</summary>
    internal static double SignedArea(JsonArray ring)
    {
        var sum = 0.0;
        for (var k = 0; k + 1 < ring.Count; k++)
        {
            var (a, b) = ((JsonArray)ring[k]!, (JsonArray)ring[k + 1]!);
            sum += (Lon(a) * Lat(b)) - (Lon(b) * Lat(a));
        }

        return sum;
    }

    private static double Lon(JsonArray position) => position[0]!.GetValue<double>();

    private static double Lat(JsonArray position) => position[1]!.GetValue<double>();

    private static string Index(string path, int i) => string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
}
