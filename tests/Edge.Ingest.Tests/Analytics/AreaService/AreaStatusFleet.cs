using System.Globalization;
using System.Text;
using Edge.Ingest.Tests.Support;
using Edge.Uplink;

namespace Edge.Ingest.Tests.Analytics.AreaService;

/// <summary>
/// The fleet of the area status tests: 100 meters in status area <see cref="Ward"/> (issue 8's example), 10 in
/// <see cref="Quiet"/>, a river gauge and a rain gauge, with the seed and catalogue files and register readings per hour.
/// </summary>
internal static class AreaStatusFleet
{
    public const string Ward = "ward-a-1";
    public const string Quiet = "quiet-1";
    public const string River = "lvl-river-01";
    public const string Rain = "rain-01";

    public static string WardMeter(int m) => string.Create(CultureInfo.InvariantCulture, $"wm-a-{m:000}");

    public static string QuietMeter(int m) => string.Create(CultureInfo.InvariantCulture, $"wm-q-{m:000}");

    /// <summary>The settings of an app on this fleet: seed, catalogue, a 48 h window over a two-week baseline.</summary>
    public static Dictionary<string, string?> Settings(TempDirectory dir)
    {
        var seed = Path.Combine(dir.Path, "seed.json");
        var catalogue = Path.Combine(dir.Path, "areas.json");
        File.WriteAllText(seed, Seed());
        File.WriteAllText(catalogue, Catalogue);
        return new Dictionary<string, string?>
        {
            ["Registry:SeedFile"] = seed,
            ["Analytics:AreaService:CatalogPath"] = catalogue,
            ["Analytics:AreaService:StatusWindowHours"] = "48",
            ["Analytics:AreaService:BaselineWeeks"] = "2",
            ["Analytics:AreaService:MinBaselineWeeks"] = "2",
        };
    }

    /// <summary>One batch with a reading at each of <paramref name="times"/> for every meter, registers from <paramref name="register"/>(meter id, time) in litres.</summary>
    public static Batch Readings(long sequence, IReadOnlyList<DateTimeOffset> times, Func<string, DateTimeOffset, long> register, Func<string, DateTimeOffset, bool>? sends = null)
    {
        var ids = Enumerable.Range(0, 100).Select(WardMeter).Concat(Enumerable.Range(0, 10).Select(QuietMeter));
        var runs = new List<DeviceRun>();
        foreach (var id in ids)
        {
            var points = times.Where(t => sends?.Invoke(id, t) ?? true)
                .Select(t => (Seq: t.ToUnixTimeSeconds(), At: t, Litres: register(id, t))).ToArray();
            if (points.Length > 0)
            {
                runs.Add(TestBatches.Meter(id, "l", 0, points));
            }
        }

        return TestBatches.Create(IngestAppFactory.Gateway1, sequence, [.. runs]);
    }

    /// <summary>A batch of the two sensors: river level 3.2 m, rain 52 mm/h, observed at <paramref name="at"/>.</summary>
    public static Batch SensorBatch(long sequence, DateTimeOffset at) => TestBatches.Create(IngestAppFactory.Gateway1, sequence,
        new DeviceRun(River, [new ChannelRun("level", "m", 1, [new ReadingPoint(1, at.ToUnixTimeMilliseconds(), 32, ClockQuality.Ntp, 0)])]),
        new DeviceRun(Rain, [new ChannelRun("rain-rate", "mm/h", 0, [new ReadingPoint(1, at.ToUnixTimeMilliseconds(), 52, ClockQuality.Ntp, 0)])]));

    private static string Seed()
    {
        var devices = new List<string>();
        for (var m = 0; m < 100; m++)
        {
            // One enrolled household, to prove its id never reaches the area status.
            var welfare = m == 0 ? """, "welfare": { "enrolled": true, "householdId": "hh-a-000", "noUseAlertAfter": "PT12H" }""" : "";
            devices.Add(Meter(WardMeter(m), Ward, welfare));
        }

        for (var m = 0; m < 10; m++)
        {
            devices.Add(Meter(QuietMeter(m), Quiet, ""));
        }

        devices.Add($$"""
            { "deviceId": "{{River}}", "gatewayId": "gw-1", "kind": "water-level", "location": { "lat": 35.7101, "lon": 139.8107 },
              "areaCode": "13107", "channels": [ { "name": "level", "quantity": "water-level", "unit": "m" } ] }
            """);
        devices.Add($$"""
            { "deviceId": "{{Rain}}", "gatewayId": "gw-1", "kind": "rain", "location": { "lat": 35.6895, "lon": 139.6917 },
              "areaCode": "13104", "channels": [ { "name": "rain-rate", "quantity": "precipitation-rate", "unit": "mm/h" } ] }
            """);
        return new StringBuilder("""{ "version": 1, "devices": [""").AppendJoin(",\n", devices).Append("] }").ToString();
    }

    private static string Meter(string id, string area, string welfare) => $$"""
        { "deviceId": "{{id}}", "gatewayId": "gw-1", "kind": "water-meter", "location": { "lat": 35.6940, "lon": 139.7536 },
          "areaCode": "13101", "statusArea": "{{area}}", "channels": [ { "name": "volume", "quantity": "volume", "unit": "l" } ],
          "meter": { "registerDigits": 5, "q3": 2.5 }{{welfare}} }
        """;

    // Invented outlines near Chiyoda; exterior rings counterclockwise (RFC 7946 §3.1.6).
    private const string Catalogue = """
        { "type": "FeatureCollection",
          "features": [
            { "type": "Feature", "id": "ward-a-1", "properties": { "name": "Ward A 1-chome", "householdsPerMeter": 1.5 },
              "geometry": { "type": "Polygon", "coordinates": [ [ [139.750, 35.690], [139.756, 35.690], [139.756, 35.696], [139.750, 35.696], [139.750, 35.690] ] ] } },
            { "type": "Feature", "id": "quiet-1", "properties": { "name": "Quiet 1-chome" },
              "geometry": { "type": "Point", "coordinates": [139.760, 35.700] } } ],
          "stations": [
            { "deviceId": "lvl-river-01", "kind": "river-level", "standbyM": 2.0, "floodWarningM": 2.6, "evacuationJudgementM": 3.1, "floodDangerM": 3.4 } ] }
        """;
}
