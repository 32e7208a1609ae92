using Edge.Ingest.Analytics;
using Edge.Ingest.Analytics.Alarms;
using Edge.Ingest.Consumption;

namespace Edge.Ingest.Tests.Analytics.Alarms;

public sealed class NightFlowTests
{
    private static readonly MeterAlarmOptions Options = new(); // threshold 3 l/h, night 00:00-06:00, two clean nights

    private static decimal?[] Day(params decimal?[] night) => Series.Concat(night, Series.Repeat(20, 18));

    [Fact]
    public void NightFlow_MinimumAboveThreshold_RaisedThenClearedAfterTwoCleanNights()
    {
        // Night 1: smallest hour 4 l > 3 l. Nights 2 and 3: smallest hour 2 l and 3 l, both at or below 3 l (clean).
        var series = Series.Litres(Series.Day1, Series.Concat(
            Day(5, 4, 6, 4, 5, 4), Day(2, 5, 5, 5, 5, 5), Day(9, 9, 3, 9, 9, 9)));

        var episode = Assert.Single(MeterAlarmRules.NightFlow(series, Options, TokyoTime.Zone));

        Assert.Equal(0.004m, episode.ValueM3);
        Assert.Equal(new HourWindow(Series.Local(1, 0), Series.Local(1, 6)), episode.RaiseEvidence);
        Assert.Equal(new HourWindow(Series.Local(2, 0), Series.Local(3, 6)), episode.ClearEvidence);
    }

    [Fact]
    public void NightFlow_OneCleanNightOnly_StillOpen()
    {
        var series = Series.Litres(Series.Day1, Series.Concat(Day(5, 4, 6, 4, 5, 4), Day(2, 5, 5, 5, 5, 5)));

        var episode = Assert.Single(MeterAlarmRules.NightFlow(series, Options, TokyoTime.Zone));

        Assert.Null(episode.ClearedAt);
    }

    [Fact]
    public void NightFlow_MinimumEqualToThreshold_NotRaised()
    {
        // "Above" the threshold: a 3 l night minimum against 3 l/h is not above it.
        var series = Series.Litres(Series.Day1, Day(3, 4, 6, 4, 5, 4));

        Assert.Empty(MeterAlarmRules.NightFlow(series, Options, TokyoTime.Zone));
    }

    [Fact]
    public void NightFlow_NightWithMissingHour_NotJudged()
    {
        var series = Series.Litres(Series.Day1, Day(5, 4, null, 4, 5, 4));

        Assert.Empty(MeterAlarmRules.NightFlow(series, Options, TokyoTime.Zone));
    }
}
