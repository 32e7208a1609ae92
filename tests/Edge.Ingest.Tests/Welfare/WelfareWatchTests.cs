using Edge.Ingest.Consumption;
using Edge.Ingest.Normalisation;
using Edge.Ingest.Registry;
using Edge.Ingest.Tests.Registry;
using Edge.Ingest.Welfare;

namespace Edge.Ingest.Tests.Welfare;

public sealed class WelfareWatchTests
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    // Enrolled, deadline 12 h, asleep 22:00-06:00 local.
    private static readonly DeviceRegistration Meter = Registrations.Meter() with { Welfare = Registrations.Enrolled() };

    private static DateTimeOffset Local(int day, int hour, int minute = 0) => new(2026, 6, day, hour, minute, 0, Jst);

    [Fact]
    public void Evaluate_LastUse20hNextMorning10h_SleepNotCountedOk()
    {
        // 20:00 → 10:00 is 14 h, of which 22:00-06:00 (8 h) asleep: 6 h watched.
        var result = WelfareWatch.Evaluate(Meter, Local(1, 20), Local(2, 10), TokyoTime.Zone);

        Assert.Equal((WelfareWatchStatus.Ok, TimeSpan.FromHours(6)), (result.Status, result.WatchedWithoutUse));
    }

    [Fact]
    public void Evaluate_NoUseUntilNextEvening_Alert()
    {
        // 20:00 → next day 18:30 is 22.5 h, minus 8 h asleep = 14.5 h > 12 h.
        var result = WelfareWatch.Evaluate(Meter, Local(1, 20), Local(2, 18, 30), TokyoTime.Zone);

        Assert.Equal((WelfareWatchStatus.Alert, TimeSpan.FromHours(14.5)), (result.Status, result.WatchedWithoutUse));
        Assert.Equal("No water use for 14.5 h while awake and at home (deadline 12 h).", result.Reason);
    }

    [Fact]
    public void Evaluate_AwayAllDay_NotCounted()
    {
        var away = new AwayPeriod(Local(2, 8), Local(2, 20));
        var meter = Meter with { Welfare = Registrations.Enrolled() with { AwayPeriods = [away] } };

        // Awake: 20:00-22:00 (2 h) and 06:00-18:30 (12.5 h); away 08:00-20:00 takes 08:00-18:30 (10.5 h) of it: 4 h.
        var result = WelfareWatch.Evaluate(meter, Local(1, 20), Local(2, 18, 30), TokyoTime.Zone);

        Assert.Equal((WelfareWatchStatus.Ok, TimeSpan.FromHours(4)), (result.Status, result.WatchedWithoutUse));
    }

    [Fact]
    public void Evaluate_NotEnrolledOrWithdrawn_NotEnrolled()
    {
        var withdrawn = Meter with { Welfare = Registrations.Enrolled() with { Enrolled = false } };

        Assert.Equal(WelfareWatchStatus.NotEnrolled, WelfareWatch.Evaluate(Registrations.Meter(), Local(1, 0), Local(3, 0), TokyoTime.Zone).Status);
        Assert.Equal(WelfareWatchStatus.NotEnrolled, WelfareWatch.Evaluate(withdrawn, Local(1, 0), Local(3, 0), TokyoTime.Zone).Status);
    }

    [Fact]
    public void Evaluate_NoUseKnown_NoData()
    {
        Assert.Equal(WelfareWatchStatus.NoData, WelfareWatch.Evaluate(Meter, null, Local(3, 0), TokyoTime.Zone).Status);
    }

    [Fact]
    public void WatchedTime_EntirelyAsleep_Zero()
    {
        Assert.Equal(TimeSpan.Zero, WelfareWatch.WatchedTime(Registrations.Enrolled(), Local(1, 23), Local(2, 5), TokyoTime.Zone));
    }

    [Fact]
    public void LastUse_HourlyIntervals_EndOfLatestHourAtOrAboveOneLitre()
    {
        var t = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        ConsumptionInterval Hour(int h, decimal? v) => new(t.AddHours(h), t.AddHours(h + 1), null, null, v, QualityFlag.Good, v is null ? "gap" : null);

        var last = WelfareWatch.LastUse([Hour(0, 0.010m), Hour(1, 0.001m), Hour(2, 0.0005m), Hour(3, null), Hour(4, 0m)]);

        Assert.Equal(t.AddHours(2), last);
    }
}
