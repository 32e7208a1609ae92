using Edge.Ingest.Analytics.AreaService;
using Edge.Ingest.Analytics.Sensors;
using Edge.Ingest.Normalisation.Units;
using Edge.Ingest.Registry;
using Edge.Ingest.Storage;

namespace Edge.Ingest.Tests.Analytics.AreaService;

/// <summary>Which sensor readings the area status shows, and their class names (JMA, Flood Control Act levels).</summary>
public sealed class SensorClassifyTests
{
    private static readonly RiverStation _levels = new("lvl-1", 2.0m, 2.6m, 3.1m, 3.4m);

    [Theory]
    // JMA 計測震度 → 震度階級: 3.5-4.5 is 4, 4.5-5.0 5弱 (5 lower), 5.0-5.5 5強 (5 upper), 5.5-6.0 6弱, 6.5 and more 7.
    [InlineData(DeviceKind.Seismic, "seismic-intensity", Quantity.Acceleration, 4.4, "seismic-intensity", "4")]
    [InlineData(DeviceKind.Seismic, "seismic-intensity", Quantity.Acceleration, 4.9, "seismic-intensity", "5-lower")]
    [InlineData(DeviceKind.Seismic, "seismic-intensity", Quantity.Acceleration, 5.2, "seismic-intensity", "5-upper")]
    [InlineData(DeviceKind.Seismic, "seismic-intensity", Quantity.Acceleration, 5.5, "seismic-intensity", "6-lower")]
    [InlineData(DeviceKind.Seismic, "seismic-intensity", Quantity.Acceleration, 6.7, "seismic-intensity", "7")]
    // A 10-minute amount of 9 mm is a rate of 54 mm/h: 50-80, 非常に激しい雨. 9.9 mm/h is under the first bound.
    [InlineData(DeviceKind.Rain, "rain-10m", Quantity.Precipitation, 9.0, "rainfall", "band-50")]
    [InlineData(DeviceKind.Rain, "rain-rate", Quantity.PrecipitationRate, 9.9, "rainfall", "below-10")]
    [InlineData(DeviceKind.Rain, "rain-1h", Quantity.Precipitation, 80.0, "rainfall", "band-80")]
    // River: 2.6 m reaches 氾濫注意 exactly; 3.4 m 氾濫危険.
    [InlineData(DeviceKind.WaterLevel, "level", Quantity.WaterLevel, 2.6, "river-level", "flood-warning")]
    [InlineData(DeviceKind.WaterLevel, "level", Quantity.WaterLevel, 3.4, "river-level", "flood-danger")]
    [InlineData(DeviceKind.WaterLevel, "level", Quantity.WaterLevel, 1.0, "river-level", "normal")]
    public void Classify_Reading_QuantityAndLevel(DeviceKind kind, string channel, Quantity quantity, double value, string shown, string level)
    {
        var entry = AreaStatusService.Classify(Device(kind, channel, quantity), Reading(channel, value), new SensorStation("lvl-1", _levels, false), new SensorRuleOptions());

        Assert.Equal((shown, level), (entry!.Quantity, entry.Level));
    }

    [Theory]
    // Default thresholds: wet from 0.01 m, above the floor from 0.5 m.
    [InlineData(0.005, "dry")]
    [InlineData(0.3, "below-floor")]
    [InlineData(0.6, "above-floor")]
    public void Classify_InundationSensor_DepthClass(double depth, string level)
    {
        var entry = AreaStatusService.Classify(Device(DeviceKind.WaterLevel, "depth", Quantity.WaterLevel), Reading("depth", depth),
            new SensorStation("lvl-1", null, true), new SensorRuleOptions());

        Assert.Equal(("inundation", level), (entry!.Quantity, entry.Level));
    }

    [Fact]
    public void Classify_RiverWithoutStationLevels_ShownWithoutLevel()
    {
        var entry = AreaStatusService.Classify(Device(DeviceKind.WaterLevel, "level", Quantity.WaterLevel), Reading("level", 3.0), null, new SensorRuleOptions());

        Assert.Equal(("river-level", null), (entry!.Quantity, entry.Level));
    }

    [Fact]
    public void Classify_SeismicAccelerationOnly_NotShown()
    {
        // Peak acceleration alone gives no JMA intensity (that needs the filtered 3-axis waveform).
        Assert.Null(AreaStatusService.Classify(Device(DeviceKind.Seismic, "pga", Quantity.Acceleration), Reading("pga", 120), null, new SensorRuleOptions()));
    }

    private static DeviceRegistration Device(DeviceKind kind, string channel, Quantity quantity) =>
        new("lvl-1", "gw-1", kind, [new ChannelSpec(channel, quantity, "m")], new GeoPoint(35.7, 139.8), AreaCode.Parse("13107"));

    private static StoredReading Reading(string channel, double value) =>
        new(1, channel, 1_750_000_000_000, 1_750_000_000_000, "ntp", 0, value, "m", "MTR", 0, 0, "m", "b-1");
}
