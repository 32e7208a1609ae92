using Edge.Ingest.Analytics.AreaService;

namespace Edge.Ingest.Tests.Analytics.AreaService;

/// <summary>The area catalogue: RFC 7946 rules on each area's geometry, strict members, the demo file.</summary>
public sealed class StatusAreaCatalogReaderTests
{
    // A 1 × 1 km-ish square near Chiyoda, counterclockwise: SW, SE, NE, NW, SW.
    private const string Square = "[ [139.750, 35.690], [139.760, 35.690], [139.760, 35.700], [139.750, 35.700], [139.750, 35.690] ]";

    [Fact]
    public void Read_DemoCatalogue_ThreeAreasAndTheRiverStation()
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Registry", "demo-areas.json"));

        var (catalog, errors) = StatusAreaCatalogReader.Read(json);

        Assert.Empty(errors);
        Assert.Equal(["chiyoda-kanda-surugadai-1", "chiyoda-marunouchi-1", "shinjuku-dma-nishi-01"], catalog!.Areas.Select(a => a.Id));
        Assert.Equal(2.5m, catalog.Find("shinjuku-dma-nishi-01")!.HouseholdsPerMeter);
        Assert.Equal(3.4m, catalog.Station("lvl-hachioji-asakawa-01")!.River!.FloodDangerM);
    }

    [Fact]
    public void Read_CounterclockwisePolygonWithClockwiseHole_Accepted()
    {
        const string Hole = "[ [139.752, 35.692], [139.752, 35.694], [139.754, 35.694], [139.754, 35.692], [139.752, 35.692] ]";

        var (catalog, errors) = StatusAreaCatalogReader.Read(Area($$"""{ "type": "Polygon", "coordinates": [ {{Square}}, {{Hole}} ] }"""));

        Assert.Empty(errors);
        Assert.Equal("Polygon", catalog!.Find("a-1")!.Geometry!["type"]!.GetValue<string>());
    }

    [Theory]
    // Clockwise exterior: SW, NW, NE, SE, SW (RFC 7946 §3.1.6 right-hand rule).
    [InlineData("""{ "type": "Polygon", "coordinates": [ [ [139.75, 35.69], [139.75, 35.70], [139.76, 35.70], [139.76, 35.69], [139.75, 35.69] ] ] }""", "counterclockwise")]
    // Not closed: the last position differs from the first.
    [InlineData("""{ "type": "Polygon", "coordinates": [ [ [139.75, 35.69], [139.76, 35.69], [139.76, 35.70], [139.75, 35.70], [139.75, 35.695] ] ] }""", "closed")]
    // Three positions only.
    [InlineData("""{ "type": "Polygon", "coordinates": [ [ [139.75, 35.69], [139.76, 35.69], [139.75, 35.69] ] ] }""", "four positions")]
    // Latitude first: 139.75 is no latitude.
    [InlineData("""{ "type": "Point", "coordinates": [35.69, 139.75] }""", "Longitude comes first")]
    [InlineData("""{ "type": "LineString", "coordinates": [ [139.75, 35.69], [139.76, 35.69] ] }""", "Point, Polygon or MultiPolygon")]
    [InlineData("""{ "type": "Point", "coordinates": [139.75] }""", "[longitude, latitude]")]
    // A counterclockwise hole.
    [InlineData("""{ "type": "Polygon", "coordinates": [ [ [139.750, 35.690], [139.760, 35.690], [139.760, 35.700], [139.750, 35.700], [139.750, 35.690] ], [ [139.752, 35.692], [139.754, 35.692], [139.754, 35.694], [139.752, 35.694], [139.752, 35.692] ] ] }""", "clockwise")]
    public void Read_BadGeometry_ErrorWithItsPathAndNoCatalogue(string geometry, string message)
    {
        var (catalog, errors) = StatusAreaCatalogReader.Read(Area(geometry));

        Assert.Null(catalog);
        var error = Assert.Single(errors);
        Assert.StartsWith("$.features[0].geometry", error.Path, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateIdUnknownMemberAndBadStation_EveryDefectListed()
    {
        var json = $$"""
            { "type": "FeatureCollection",
              "features": [
                { "type": "Feature", "id": "a-1", "geometry": null, "properties": { "name": "A" } },
                { "type": "Feature", "id": "a-1", "geometry": null, "properties": { "name": "A again" } },
                { "type": "Feature", "id": "a-2", "geometry": null, "properties": { "name": "B", "colour": "red" } } ],
              "stations": [ { "deviceId": "lvl-1", "kind": "river-level", "standbyM": 3, "floodWarningM": 2, "evacuationJudgementM": 4, "floodDangerM": 5 } ] }
            """;

        var (catalog, errors) = StatusAreaCatalogReader.Read(json);

        Assert.Null(catalog);
        Assert.Equal(["$.features[1].id", "$.features[2].properties.colour", "$.stations[0].floodDangerM"], errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Read_NullGeometry_AreaWithoutShape()
    {
        var (catalog, errors) = StatusAreaCatalogReader.Read(Area("null"));

        Assert.Empty(errors);
        Assert.Null(catalog!.Find("a-1")!.Geometry);
    }

    private static string Area(string geometry) => $$"""
        { "type": "FeatureCollection", "features": [ { "type": "Feature", "id": "a-1", "geometry": {{geometry}}, "properties": { "name": "A" } } ] }
        """;
}
