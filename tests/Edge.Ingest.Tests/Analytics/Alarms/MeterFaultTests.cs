using Edge.Ingest.Analytics;
using Edge.Ingest.Analytics.Alarms;
using Edge.Ingest.Consumption;
using Edge.Ingest.Normalisation;

namespace Edge.Ingest.Tests.Analytics.Alarms;

/// <summary>
/// Meter fault and abnormal value (issue 9's ECHONET Lite events): the gateway flags only the status changes (bits 11-14,
/// firmware/FRAME.md), so an alarm runs from the set flag to the cleared flag.
/// </summary>
public sealed class MeterFaultTests
{
    // Eight hours of 5 l; each (index, flags) pair puts those flags on that hour.
    private static MeterSeries Flagged(params (int Hour, int Flags)[] marks)
    {
        var series = Series.Litres(Series.Day1, 5, 5, 5, 5, 5, 5, 5, 5);
        foreach (var (hour, flags) in marks)
        {
            series = Series.With(series, hour, new MeterHour(default, 0.005m, ReadingQuality.Good, flags));
        }

        return series;
    }

    [Fact]
    public void MeterFault_FaultThenQuietHoursThenCleared_OneEpisodeFromFaultToClear()
    {
        var episode = Assert.Single(MeterAlarmRules.MeterFault(Flagged((1, MeterFlagBits.Fault), (5, MeterFlagBits.FaultCleared))));

        // Hours 2-4 carry no flag and do not clear it (the fault is announced once); hour 5's cleared flag ends it at 06:00.
        Assert.Equal((Series.Local(1, 1), Series.Local(1, 6)), (episode.Start, episode.ClearedAt));
        Assert.Equal(new HourWindow(Series.Local(1, 1), Series.Local(1, 2)), episode.RaiseEvidence);
        Assert.False(episode.Latching);
    }

    [Fact]
    public void MeterFault_NoClearedFlag_StaysOpenAndConfirmedToTheLastReportedHour()
    {
        var episode = Assert.Single(MeterAlarmRules.MeterFault(Flagged((2, MeterFlagBits.Fault))));

        Assert.Null(episode.ClearedAt);
        Assert.Equal(Series.Local(1, 8), episode.ConfirmedUntil);
    }

    [Fact]
    public void MeterFault_FaultAndClearedInOneHour_ShortEpisodeClearedThatHour()
    {
        var episode = Assert.Single(MeterAlarmRules.MeterFault(Flagged((3, MeterFlagBits.Fault | MeterFlagBits.FaultCleared))));

        Assert.Equal((Series.Local(1, 3), Series.Local(1, 4)), (episode.Start, episode.ClearedAt));
    }

    [Fact]
    public void MeterFault_ClearedFlagAloneOrOtherBits_Nothing()
    {
        Assert.Empty(MeterAlarmRules.MeterFault(Flagged((3, MeterFlagBits.FaultCleared))));
        Assert.Empty(MeterAlarmRules.MeterFault(Flagged((3, MeterFlagBits.AbnormalValue | MeterFlagBits.Dry))));
    }

    [Fact]
    public void MeterFault_OpenBeforeTheSeriesAndClearedInIt_TheOldAlarmsEpisodeCleared()
    {
        var since = Series.Day1.AddDays(-6);

        var episode = Assert.Single(MeterAlarmRules.MeterFault(Flagged((4, MeterFlagBits.FaultCleared)), since));

        // Starts where the open alarm started (so the book matches it), cleared by hour 4's flag.
        Assert.Equal((since, Series.Local(1, 5)), (episode.Start, episode.ClearedAt));
        Assert.Empty(MeterAlarmRules.MeterFault(Flagged((4, MeterFlagBits.FaultCleared))));
    }

    [Fact]
    public void AbnormalValue_DetectedThenCleared_OwnKindNotAFault()
    {
        var series = Flagged((0, MeterFlagBits.AbnormalValue), (2, MeterFlagBits.AbnormalValueCleared));

        var episode = Assert.Single(MeterAlarmRules.AbnormalValue(series));
        Assert.Equal((AlarmKind.AbnormalValue, Series.Local(1, 0), Series.Local(1, 3)), (episode.Kind, episode.Start, episode.ClearedAt));
        Assert.Empty(MeterAlarmRules.MeterFault(series));
        Assert.Contains(MeterAlarmRules.Evaluate(series, new MeterAlarmOptions(), TokyoTime.Zone, occupied: false), e => e.Kind == AlarmKind.AbnormalValue);
    }

    [Fact]
    public void Names_TheApiNames()
    {
        Assert.Equal(("meter-fault", "abnormal-value"), (AlarmKindNames.Name(AlarmKind.MeterFault), AlarmKindNames.Name(AlarmKind.AbnormalValue)));
    }
}
