using Edge.Ingest.Analytics.Sensors;

namespace Edge.Ingest.Tests.Analytics.Sensors;

public sealed class SensorClassTests
{
    private static readonly RiverStation Station = new("wl-1", 2.0m, 3.0m, 3.5m, 4.0m);

    [Theory]
    [InlineData(1.99, RiverLevelClass.Normal)]
    [InlineData(2.00, RiverLevelClass.Standby)]
    [InlineData(3.20, RiverLevelClass.FloodWarning)]
    [InlineData(3.70, RiverLevelClass.EvacuationJudgement)]
    [InlineData(4.00, RiverLevelClass.FloodDanger)]
    public void Classify_AgainstStationLevels(double level, RiverLevelClass expected)
    {
        Assert.Equal(expected, Station.Classify((decimal)level));
    }

    [Fact]
    public void Classify_LevelsOutOfOrder_ClearError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => (Station with { FloodWarningM = 5m }).Classify(1m));

        Assert.Equal("Station 'wl-1': the levels must rise from standby to flood danger.", error.Message);
    }

    [Theory]
    [InlineData(9.9, 0)]
    [InlineData(10, 1)]   // やや強い雨 from 10 mm/h
    [InlineData(29.9, 2)] // 強い雨 20-30
    [InlineData(50, 4)]   // 非常に激しい雨 from 50
    [InlineData(80, 5)]   // 猛烈な雨 from 80
    public void OfHour_JmaBands(double mmPerHour, int band)
    {
        Assert.Equal(band, RainfallBands.OfHour((decimal)mmPerHour, RainfallBands.Default));
    }

    [Fact]
    public void OfTenMinutes_FiveMillimetres_ThirtyPerHourBand()
    {
        // 5 mm in 10 min = 30 mm/h: 激しい雨, band 3.
        Assert.Equal(3, RainfallBands.OfTenMinutes(5m, RainfallBands.Default));
    }

    [Theory]
    [InlineData(0.44, "0")]
    [InlineData(4.49, "4")]
    [InlineData(4.495, "5-")] // rounds to 4.50 at two decimals, then 4.5
    [InlineData(5.0, "5+")]
    [InlineData(6.49, "6+")]
    [InlineData(6.5, "7")]
    public void ClassOf_JmaTable(double intensity, string expected)
    {
        Assert.Equal(expected, SeismicIntensityScale.ClassOf((decimal)intensity));
    }

    [Theory]
    [InlineData(0.005, InundationClass.Dry)]
    [InlineData(0.01, InundationClass.BelowFloor)]
    [InlineData(0.49, InundationClass.BelowFloor)]
    [InlineData(0.5, InundationClass.AboveFloor)]
    public void Inundation_DefaultDepths(double depth, InundationClass expected)
    {
        Assert.Equal(expected, Inundation.Classify((decimal)depth, new SensorRuleOptions()));
    }

    [Fact]
    public void Bands_Configured_ReplaceDefault()
    {
        var options = new SensorRuleOptions { RainfallBandsMmPerHour = [5m, 15m] };

        Assert.Equal(2, RainfallBands.OfHour(20m, options.Bands));
        Assert.Equal(5, RainfallBands.OfHour(100m, new SensorRuleOptions().Bands));
    }
}
