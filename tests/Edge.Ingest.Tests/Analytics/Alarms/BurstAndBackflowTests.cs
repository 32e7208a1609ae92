using Edge.Ingest.Analytics;
using Edge.Ingest.Analytics.Alarms;
using Edge.Ingest.Normalisation;

namespace Edge.Ingest.Tests.Analytics.Alarms;

public sealed class BurstAndBackflowTests
{
    private static readonly MeterAlarmOptions Options = new();

    [Fact]
    public void Burst_AtQ3OfDomesticMeter_RaisedAndClearedByNextHour()
    {
        // Domestic Q3 = 2.5 m³/h (ISO 4064-1): 2499 l stays below, 2500 l reaches the limit, 100 l clears.
        var series = Series.Litres(Series.Day1, 2499, 2500, 2600, 100);

        var episode = Assert.Single(MeterAlarmRules.Burst(series, Options));

        Assert.Equal(Series.Local(1, 1), episode.Start);
        Assert.Equal(2.6m, episode.ValueM3);
        Assert.Equal(Series.Local(1, 3), episode.ConfirmedUntil);
        Assert.Equal(Series.Local(1, 4), episode.ClearedAt);
    }

    [Fact]
    public void Burst_ConfiguredLimit_UsedInsteadOfQ3()
    {
        var options = new MeterAlarmOptions { BurstLimitM3PerHour = 1.0m };

        var episode = Assert.Single(MeterAlarmRules.Burst(Series.Litres(Series.Day1, 999, 1000), options));

        Assert.Equal(Series.Local(1, 1), episode.Start);
    }

    [Fact]
    public void Backflow_ReverseFlagOrNegativeHour_RaisedUntilCleanHour()
    {
        var series = Series.Litres(Series.Day1, 5, 5, -4, 3, 5);
        series = Series.With(series, 1, new MeterHour(default, 0.005m, ReadingQuality.Good, MeterFlagBits.Reverse));

        var episode = Assert.Single(MeterAlarmRules.Backflow(series));

        // Hour 1 flagged, hour 2 net -4 l, hour 3 clean.
        Assert.Equal(Series.Local(1, 1), episode.Start);
        Assert.Equal(Series.Local(1, 3), episode.ConfirmedUntil);
        Assert.Equal(new HourWindow(Series.Local(1, 3), Series.Local(1, 4)), episode.ClearEvidence);
        Assert.Equal("Net reverse flow of 4 l in one hour.", episode.Detail);
    }

    [Fact]
    public void PressureLoss_ThreeMetersOfOneAreaSameHour_AreaEvent()
    {
        var meters = new[]
        {
            Series.Of("wm-a", "13101", Series.Day1, 5, -1, 5),
            Series.Of("wm-b", "13101", Series.Day1, 5, -2, 5),
            Series.Of("wm-c", "13101", Series.Day1, 5, -3, -1),
            Series.Of("wm-d", "13104", Series.Day1, 5, -3, -1), // another area
        };

        var areaEvent = Assert.Single(PressureLossRule.Evaluate(meters, Options));

        // Hour 1: three backflowing meters in 13101; hour 2: only one there (wm-c) and one in 13104.
        Assert.Equal(("13101", Series.Local(1, 1), AreaEvent.SuspectedPressureLoss, 3),
            (areaEvent.AreaId, areaEvent.Hour, areaEvent.Kind, areaEvent.Meters));
    }

    [Fact]
    public void PressureLoss_TwoMeters_NoEvent()
    {
        var meters = new[] { Series.Of("wm-a", "13101", Series.Day1, -1), Series.Of("wm-b", "13101", Series.Day1, -2) };

        Assert.Empty(PressureLossRule.Evaluate(meters, Options));
    }
}
