using System.Globalization;
using System.Text.Json.Nodes;

namespace Edge.Ingest.Export;

/// <summary>
/// NGSI-LD normalized attribute shapes (ETSI GS CIM 009 §4.5): Property with value, optional unitCode (UN/CEFACT
/// Rec 20) and observedAt; Relationship with object; GeoProperty with a GeoJSON geometry; DateTime values as
/// <c>{"@type": "DateTime", "@value": ...}</c>.
/// </summary>
public static class NgsiLdAttributes
{
    /// <summary>ETSI NGSI-LD core @context.</summary>
    public const string CoreContext = "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld";

    /// <summary>A Property.</summary>
    public static JsonObject Property(JsonNode? value, string? unitCode = null, DateTimeOffset? observedAt = null)
    {
        var property = new JsonObject { ["type"] = "Property", ["value"] = value };
        if (unitCode is not null)
        {
            property["unitCode"] = unitCode;
        }

        if (observedAt is { } at)
        {
            property["observedAt"] = Instant(at);
        }

        return property;
    }

    /// <summary>A Relationship to <paramref name="objectId"/>.</summary>
    public static JsonObject Relationship(string objectId) => new() { ["type"] = "Relationship", ["object"] = objectId };

    /// <summary>A GeoProperty holding a GeoJSON Point, longitude first (RFC 7946 §3.1.1).</summary>
    public static JsonObject Point(double latitude, double longitude) => new()
    {
        ["type"] = "GeoProperty",
        ["value"] = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(longitude, latitude) },
    };

    /// <summary>A DateTime Property value.</summary>
    public static JsonObject DateTimeProperty(DateTimeOffset at) =>
        Property(new JsonObject { ["@type"] = "DateTime", ["@value"] = Instant(at) });

    /// <summary>An NGSI-LD entity id: <c>urn:ngsi-ld:{type}:{id}</c> with the id percent-encoded (RFC 8141 §2).</summary>
    public static string EntityId(string type, string id) => $"urn:ngsi-ld:{type}:{Uri.EscapeDataString(id)}";

    /// <summary>UTC instant with milliseconds and Z.</summary>
    public static string Instant(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
