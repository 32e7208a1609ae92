using System.Text.Json;

namespace Edge.HwSim.Scenarios;

/// <summary>
/// The ingest's inputs for a scenario: the area catalogue (RFC 7946 FeatureCollection, one Feature per status area,
/// read by <c>Edge:Ingest:Analytics:AreaService:CatalogPath</c>) and the registry seed (every meter a water meter on
/// the scenario's gateway, in its status area).
/// </summary>
public static class ScenarioFiles
{
    /// <summary>Writes the area catalogue to <paramref name="path"/> (folders created); returns the path.</summary>
    public static string WriteAreaCatalog(Scenario scenario, string path, double householdsPerMeter = 1)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Write(path, json =>
        {
            json.WriteStartObject();
            json.WriteString("type", "FeatureCollection");
            json.WriteStartArray("features");
            foreach (var area in scenario.Areas)
            {
                json.WriteStartObject();
                json.WriteString("type", "Feature");
                json.WriteString("id", area.Id);
                json.WriteStartObject("geometry");
                json.WriteString("type", "Polygon");
                json.WriteStartArray("coordinates");
                json.WriteStartArray();
                foreach (var position in area.Ring)
                {
                    json.WriteStartArray();
                    json.WriteNumberValue(position[0]);
                    json.WriteNumberValue(position[1]);
                    json.WriteEndArray();
                }

                json.WriteEndArray();
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteStartObject("properties");
                json.WriteString("name", area.Name);
                json.WriteNumber("householdsPerMeter", householdsPerMeter);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    /// <summary>Writes the registry seed to <paramref name="path"/> (folders created); returns the path.</summary>
    public static string WriteRegistrySeed(Scenario scenario, string path)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Write(path, json =>
        {
            json.WriteStartObject();
            json.WriteNumber("version", 1);
            json.WriteStartArray("devices");
            foreach (var meter in scenario.Meters)
            {
                json.WriteStartObject();
                json.WriteString("deviceId", meter.DeviceId);
                json.WriteString("gatewayId", scenario.GatewayId);
                json.WriteString("kind", "water-meter");
                json.WriteStartObject("location");
                json.WriteNumber("lat", Math.Round(meter.Latitude, 6));
                json.WriteNumber("lon", Math.Round(meter.Longitude, 6));
                json.WriteEndObject();
                json.WriteString("areaCode", meter.Area.Municipality);
                json.WriteString("statusArea", meter.Area.Id);
                json.WriteStartArray("channels");
                json.WriteStartObject();
                json.WriteString("name", "volume");
                json.WriteString("quantity", "volume");
                json.WriteString("unit", "l");
                json.WriteEndObject();
                json.WriteEndArray();

                // No register digits: the simulated register does not roll over. Q3 2.5 m³/h: a household DN15 meter.
                json.WriteStartObject("meter");
                json.WriteNumber("q3", 2.5);
                json.WriteString("serial", "SIM-" + meter.DeviceId);
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static string Write(string path, Action<Utf8JsonWriter> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using (var stream = File.Create(path))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            write(json);
        }

        return path;
    }
}
