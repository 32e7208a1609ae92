using System.Text.Json;
using Edge.HwSim.Scenarios;

namespace Edge.HwSim.Tests.Scenarios;

public sealed class ScenarioFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("edge-scenario-files-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void WriteAreaCatalog_DefaultWard_ClosedCounterclockwiseRingsLongitudeFirst()
    {
        var run = EarthquakeScenario.Create(new EarthquakeOptions { QuakeAt = new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero), MetersPerArea = 2, History = TimeSpan.FromHours(1) });
        using var doc = JsonDocument.Parse(File.ReadAllText(ScenarioFiles.WriteAreaCatalog(run.Scenario, Path.Combine(_dir, "areas.json"))));

        var features = doc.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal("FeatureCollection", doc.RootElement.GetProperty("type").GetString());
        Assert.Equal(6, features.Count);
        foreach (var f in features)
        {
            var ring = f.GetProperty("geometry").GetProperty("coordinates")[0].EnumerateArray().Select(p => (X: p[0].GetDouble(), Y: p[1].GetDouble())).ToList();

            // RFC 7946 §3.1.6: a closed ring of at least four positions, exterior counterclockwise (positive shoelace area).
            Assert.True(ring.Count >= 4);
            Assert.Equal(ring[0], ring[^1]);
            var twiceArea = ring.Zip(ring.Skip(1)).Sum(e => (e.First.X * e.Second.Y) - (e.Second.X * e.First.Y));
            Assert.True(twiceArea > 0);

            // §3.1.1: longitude first; Shinjuku lies near 139.7 E, 35.7 N.
            Assert.All(ring, p => Assert.InRange(p.X, 139.6, 139.8));
            Assert.All(ring, p => Assert.InRange(p.Y, 35.6, 35.8));
        }
    }

    [Fact]
    public void WriteRegistrySeed_EveryMeterInItsStatusAreaOnTheGateway()
    {
        var run = EarthquakeScenario.Create(new EarthquakeOptions { QuakeAt = new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero), MetersPerArea = 3, History = TimeSpan.FromHours(1), GatewayId = "gw-x" });
        using var doc = JsonDocument.Parse(File.ReadAllText(ScenarioFiles.WriteRegistrySeed(run.Scenario, Path.Combine(_dir, "seed.json"))));

        var devices = doc.RootElement.GetProperty("devices").EnumerateArray().ToList();
        Assert.Equal(18, devices.Count);
        Assert.All(devices, d => Assert.Equal("gw-x", d.GetProperty("gatewayId").GetString()));
        Assert.All(devices, d => Assert.Equal("13104", d.GetProperty("areaCode").GetString()));
        Assert.Equal(3, devices.Count(d => d.GetProperty("statusArea").GetString() == "shinjuku-demo-1"));

        // Each meter's point lies inside its area's rectangle.
        foreach (var (d, m) in devices.Zip(run.Scenario.Meters))
        {
            var lat = d.GetProperty("location").GetProperty("lat").GetDouble();
            var lon = d.GetProperty("location").GetProperty("lon").GetDouble();
            Assert.InRange(lat, m.Area.South, m.Area.North);
            Assert.InRange(lon, m.Area.West, m.Area.East);
        }
    }
}
