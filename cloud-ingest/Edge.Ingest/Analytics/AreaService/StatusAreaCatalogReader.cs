using System.Text.Json;
using Edge.Ingest.Analytics.Sensors;
using Edge.Ingest.Json;

namespace Edge.Ingest.Analytics.AreaService;

/// <summary>
/// Reads the area catalogue, an RFC 7946 FeatureCollection (README "Area status service"): one Feature per area with
/// its id, geometry (<see cref="GeoJsonGeometry"/>, or null) and properties <c>name</c>, <c>householdsPerMeter</c>?,
/// <c>inflowMeterId</c>?; and a foreign member <c>stations</c> (§6.1) with river gauges' four levels and inundation
/// sensors. Strict like the registry seed: every defect is listed with its JSON path, and a file with any yields no catalogue.
/// </summary>
public static class StatusAreaCatalogReader
{
    /// <summary>Reads <paramref name="json"/>.</summary>
    public static (StatusAreaCatalog? Catalog, IReadOnlyList<JsonPathError> Errors) Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var errors = new List<JsonPathError>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            return (null, [new JsonPathError(ex.Path ?? "$", $"Not valid JSON: {ex.Message}")]);
        }

        using (document)
        {
            var areas = new List<StatusArea>();
            var stations = new List<SensorStation>();
            if (StrictJsonObject.Open(document.RootElement, "$", errors) is { } root)
            {
                if (root.RequiredString("type") is { } type and not "FeatureCollection")
                {
                    root.Error("type", $"The catalogue is a FeatureCollection (RFC 7946 §3.3); found {DetailText.Quote(type)}.");
                }

                foreach (var (element, path) in root.Array("features", required: true))
                {
                    if (ReadArea(element, path, errors) is { } area)
                    {
                        Add(areas, area, a => a.Id, $"{path}.id", errors);
                    }
                }

                foreach (var (element, path) in root.Array("stations", required: false))
                {
                    if (ReadStation(element, path, errors) is { } station)
                    {
                        Add(stations, station, s => s.DeviceId, $"{path}.deviceId", errors);
                    }
                }

                root.RejectUnknownMembers();
            }

            return errors.Count == 0 ? (new StatusAreaCatalog(areas, stations), []) : (null, errors);
        }
    }

    private static StatusArea? ReadArea(JsonElement element, string path, List<JsonPathError> errors)
    {
        if (StrictJsonObject.Open(element, path, errors) is not { } f)
        {
            return null;
        }

        var before = errors.Count;
        if (f.RequiredString("type") is { } type and not "Feature")
        {
            f.Error("type", $"Each area is a Feature (RFC 7946 §3.2); found {DetailText.Quote(type)}.");
        }

        var id = f.RequiredString("id");
        if (id is not null && (id.Length == 0 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            f.Error("id", "An area id has ASCII letters, digits, '-', '_' and '.' only, as a meter's statusArea.");
        }

        var geometry = element.TryGetProperty("geometry", out var g) && g.ValueKind != JsonValueKind.Null
            ? GeoJsonGeometry.Read(g, f.Child("geometry"), errors)
            : null;
        _ = f.Object("geometry", required: false);
        string? name = null;
        decimal? households = null;
        string? inflow = null;
        if (f.Object("properties", required: true) is { } p)
        {
            name = p.RequiredString("name");
            households = p.OptionalDecimal("householdsPerMeter");
            if (households is <= 0)
            {
                p.Error("householdsPerMeter", "Households per meter must be greater than zero.");
            }

            inflow = p.OptionalString("inflowMeterId");
            p.RejectUnknownMembers();
        }

        f.RejectUnknownMembers();
        return errors.Count > before || id is null || name is null ? null : new StatusArea(id, name, geometry, households, inflow);
    }

    private static SensorStation? ReadStation(JsonElement element, string path, List<JsonPathError> errors)
    {
        if (StrictJsonObject.Open(element, path, errors) is not { } s)
        {
            return null;
        }

        var before = errors.Count;
        var deviceId = s.RequiredString("deviceId");
        var kind = s.RequiredString("kind");
        RiverStation? river = null;
        if (kind == "river-level")
        {
            var levels = (s.RequiredDecimal("standbyM"), s.RequiredDecimal("floodWarningM"), s.RequiredDecimal("evacuationJudgementM"), s.RequiredDecimal("floodDangerM"));
            if (levels is ({ } a, { } b, { } c, { } d))
            {
                river = new RiverStation(deviceId ?? "", a, b, c, d);
                if (river.Validate() is { } error)
                {
                    s.Error("floodDangerM", error);
                }
            }
        }
        else if (kind is not null and not "inundation")
        {
            s.Error("kind", $"A station is river-level or inundation; found {DetailText.Quote(kind)}.");
        }

        s.RejectUnknownMembers();
        return errors.Count > before || deviceId is null ? null : new SensorStation(deviceId, river, kind == "inundation");
    }

    private static void Add<T>(List<T> list, T item, Func<T, string> key, string path, List<JsonPathError> errors)
    {
        if (list.Any(existing => key(existing) == key(item)))
        {
            errors.Add(new JsonPathError(path, $"{DetailText.Quote(key(item))} is listed twice."));
            return;
        }

        list.Add(item);
    }
}
