using Edge.Ingest.Analytics;
using Edge.Ingest.Analytics.Alarms;
using Edge.Ingest.Normalisation;

namespace Edge.Ingest.Tests.Analytics.Alarms;

public sealed class ContinuousLeakTests
{
    // Issue 8's example, litres per hour.
    private static readonly decimal?[] Example = [3, 3, 3, 3, 3, 3, 45, 80, 20, 10, 5, 5, 30, 10, 5, 5, 10, 60, 80, 40, 20, 10, 5, 3];

    private static readonly MeterAlarmOptions Options = new();

    [Fact]
    public void ContinuousLeak_IssueExample_LeakAt3LitresPerHour()
    {
        var series = Series.Litres(Series.Day1, Example);

        var episode = Assert.Single(MeterAlarmRules.ContinuousLeak(series, Options));

        // No hour below 1 l in the 24 h; the smallest hour is 3 l, so the leak rate is 3 l/h = 0.003 m³/h.
        Assert.Equal(0.003m, episode.ValueM3);
        Assert.Equal(Series.Day1, episode.Start);
        Assert.Equal(new HourWindow(Series.Day1, Series.Local(2, 0)), episode.RaiseEvidence);
        Assert.Null(episode.ClearedAt);
        Assert.Equal("No zero hour in 24 h; leak rate 3 l/h.", episode.Detail);
    }

    [Fact]
    public void ContinuousLeak_ZeroInFourthHour_NoLeak()
    {
        var litres = (decimal?[])Example.Clone();
        litres[3] = 0;

        // Hours 4-23 are only 20 h without a zero.
        Assert.Empty(MeterAlarmRules.ContinuousLeak(Series.Litres(Series.Day1, litres), Options));
    }

    [Fact]
    public void ContinuousLeak_OneFullZeroHourAfter_Cleared()
    {
        var series = Series.Litres(Series.Day1, Series.Concat(Example, [0, 4]));

        var episode = Assert.Single(MeterAlarmRules.ContinuousLeak(series, Options));

        // Hour 24 (day 2, 00:00-01:00 local) is the zero hour that clears it.
        Assert.Equal(new HourWindow(Series.Local(2, 0), Series.Local(2, 1)), episode.ClearEvidence);
        Assert.Equal(Series.Local(2, 1), episode.ClearedAt);
    }

    [Fact]
    public void ContinuousLeak_EstimatedZeroHour_NeitherClearsNorRaises()
    {
        var open = Series.Litres(Series.Day1, Series.Concat(Example, [0, 4, 4]));
        var estimatedZero = Series.With(open, 24, new MeterHour(default, 0m, ReadingQuality.Estimated, 0));

        var episode = Assert.Single(MeterAlarmRules.ContinuousLeak(estimatedZero, Options));

        // The estimated zero hour does not clear: the leak is still open and confirmed to the end of hour 26.
        Assert.Null(episode.ClearedAt);
        Assert.Equal(Series.Local(2, 3), episode.ConfirmedUntil);

        // And an estimated hour inside the first 24 h keeps the leak from being raised at all.
        var estimatedInside = Series.With(Series.Litres(Series.Day1, Example), 10, new MeterHour(default, 0.005m, ReadingQuality.Estimated, 0));
        Assert.Empty(MeterAlarmRules.ContinuousLeak(estimatedInside, Options));
    }

    [Fact]
    public void ContinuousLeak_MissingHour_RestartsTheRun()
    {
        var litres = (decimal?[])Example.Clone();
        litres[5] = null;

        Assert.Empty(MeterAlarmRules.ContinuousLeak(Series.Litres(Series.Day1, litres), Options));
    }
}
