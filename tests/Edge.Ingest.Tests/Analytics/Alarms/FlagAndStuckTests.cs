using Edge.Ingest.Analytics;
using Edge.Ingest.Analytics.Alarms;
using Edge.Ingest.Consumption;
using Edge.Ingest.Normalisation;

namespace Edge.Ingest.Tests.Analytics.Alarms;

public sealed class FlagAndStuckTests
{
    private static MeterSeries Flagged(int flags, params int[] flaggedHours)
    {
        var series = Series.Litres(Series.Day1, 5, 5, 5, 5, 5, 5);
        foreach (var h in flaggedHours)
        {
            series = Series.With(series, h, new MeterHour(default, 0.005m, ReadingQuality.Good, flags));
        }

        return series;
    }

    [Fact]
    public void Tamper_FlagThenClean_StaysLatched()
    {
        var episode = Assert.Single(MeterAlarmRules.Tamper(Flagged(MeterFlagBits.Tamper, 1, 2)));

        Assert.True(episode.Latching);
        Assert.Null(episode.ClearedAt);
        Assert.Equal(Series.Local(1, 1), episode.Start);
    }

    [Fact]
    public void DryPipe_FlagThenClean_Cleared()
    {
        var episode = Assert.Single(MeterAlarmRules.DryPipe(Flagged(MeterFlagBits.Dry, 2)));

        Assert.Equal((Series.Local(1, 2), Series.Local(1, 4)), (episode.Start, episode.ClearedAt));
    }

    [Fact]
    public void LowBattery_FlagUntilEnd_Open()
    {
        var episode = Assert.Single(MeterAlarmRules.LowBattery(Flagged(MeterFlagBits.LowBattery, 4, 5)));

        Assert.Equal((Series.Local(1, 4), (DateTimeOffset?)null), (episode.Start, episode.ClearedAt));
        Assert.Empty(MeterAlarmRules.LowBattery(Flagged(MeterFlagBits.Tamper, 4, 5)));
    }

    [Fact]
    public void StuckMeter_ThirtyDaysOfZeroOnOccupiedAccount_RaisedThenClearedByUse()
    {
        // 30 days = 720 hours of 0 l, then one hour of 12 l.
        var series = Series.Litres(Series.Day1, Series.Concat(Series.Repeat(0, 720), [12]));

        var episode = Assert.Single(MeterAlarmRules.Evaluate(series, new MeterAlarmOptions(), TokyoTime.Zone, occupied: true),
            e => e.Kind == AlarmKind.StuckMeter);

        Assert.Equal(new HourWindow(Series.Day1, Series.Local(31, 0)), episode.RaiseEvidence);
        Assert.Equal(Series.Local(31, 1), episode.ClearedAt);
    }

    [Fact]
    public void StuckMeter_719HoursOrUnoccupied_NotRaised()
    {
        var almost = Series.Litres(Series.Day1, Series.Repeat(0, 719));
        var full = Series.Litres(Series.Day1, Series.Repeat(0, 720));

        Assert.Empty(MeterAlarmRules.StuckMeter(almost, new MeterAlarmOptions()));
        Assert.DoesNotContain(MeterAlarmRules.Evaluate(full, new MeterAlarmOptions(), TokyoTime.Zone, occupied: false),
            e => e.Kind == AlarmKind.StuckMeter);
    }
}
