using Edge.Ingest.Analytics;
using Edge.Ingest.Analytics.Alarms;
using Edge.Ingest.Analytics.Watch;
using Edge.Ingest.Consumption;
using Edge.Ingest.Registry;
using Edge.Ingest.Tests.Registry;

namespace Edge.Ingest.Tests.Analytics.Watch;

public sealed class WelfareRulesTests
{
    private static readonly WelfareRuleOptions Options = new();

    // Enrolled, deadline 12 h, asleep 22:00-06:00 local.
    private static readonly WatchedHousehold Household = new(Registrations.Enrolled());

    // Day 1 from 00:00 local: nothing until 04:00, then the given litres for 04:00-09:00, then 3 l per hour.
    private static MeterSeries Morning(params decimal?[] fourToTen) =>
        Series.Litres(Series.Day1, Series.Concat(Series.Repeat(0, 4), fourToTen, Series.Repeat(3, 14)));

    private static IReadOnlyList<WelfareFinding> Mornings(MeterSeries series, WatchedHousehold? household = null,
        CommunicationStatus communication = CommunicationStatus.Ok) =>
        WelfareRules.Mornings(household ?? Household, series, communication, Series.Local(2, 0), Options, TokyoTime.Zone);

    [Fact]
    public void Mornings_SixLitresAt05_GoodMorningAt06()
    {
        var finding = Assert.Single(Mornings(Morning(2, 6, 1, 1, 1, 1)));

        // 04:00 has 2 l (< 5 l); the 05:00-06:00 hour has 6 l: the event is at the end of that hour.
        Assert.Equal((WelfareFindingKind.GoodMorning, Series.Local(1, 6)), (finding.Kind, finding.At));
        Assert.Equal("Good morning: 6 l used from 05:00.", finding.Detail);
        Assert.Equal("hh-1", finding.HouseholdId);
    }

    [Fact]
    public void Mornings_NoFiveLitreHourBy10_AlertAtDeadline()
    {
        var finding = Assert.Single(Mornings(Morning(1, 1, 4, 1, 1, 1)));

        Assert.Equal((WelfareFindingKind.NoMorningUse, Series.Local(1, 10)), (finding.Kind, finding.At));
        Assert.Equal(new HourWindow(Series.Local(1, 4), Series.Local(1, 10)), finding.Evidence);
    }

    [Fact]
    public void Mornings_HouseholdDeadline09_AlertAt09()
    {
        var finding = Assert.Single(Mornings(Morning(1, 1, 1, 1, 1, 9), Household with { GenkiDeadline = new TimeOnly(9, 0) }));

        // The 9 l hour is 09:00-10:00, after the household's 09:00 deadline.
        Assert.Equal((WelfareFindingKind.NoMorningUse, Series.Local(1, 9)), (finding.Kind, finding.At));
    }

    [Theory]
    [InlineData(CommunicationStatus.Late, "Held back: the meter is late")]
    [InlineData(CommunicationStatus.Lost, "Held back: the meter is lost")]
    public void Mornings_MeterLateOrLost_Suppressed(CommunicationStatus communication, string reason)
    {
        var finding = Assert.Single(Mornings(Morning(1, 1, 1, 1, 1, 1), communication: communication));

        Assert.Equal((WelfareFindingKind.Suppressed, WelfareFindingKind.NoMorningUse), (finding.Kind, finding.Held));
        Assert.StartsWith(reason, finding.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Mornings_HourMissingBeforeDeadline_Suppressed()
    {
        var finding = Assert.Single(Mornings(Morning(1, 1, null, 1, 1, 1)));

        Assert.Equal((WelfareFindingKind.Suppressed, WelfareFindingKind.NoMorningUse), (finding.Kind, finding.Held));
    }

    [Fact]
    public void Mornings_AwayMode_Suppressed()
    {
        var finding = Assert.Single(Mornings(Morning(1, 1, 1, 1, 1, 1), Household with { AwayModeSince = Series.Local(1, 0) }));

        Assert.StartsWith("Held back: the household is away.", finding.Detail, StringComparison.Ordinal);
    }

    // 10 l per hour until 19:00 on day 1, then nothing until day 3 12:00.
    private static readonly MeterSeries Stopped = Series.Litres(Series.Day1, Series.Concat(Series.Repeat(10, 19), Series.Repeat(0, 41)));

    private static IReadOnlyList<WelfareFinding> NoUse(DateTimeOffset asOf, WatchedHousehold? household = null,
        CommunicationStatus communication = CommunicationStatus.Ok) =>
        WelfareRules.NoUse(household ?? Household, Stopped, communication, asOf, Options, TokyoTime.Zone);

    [Fact]
    public void NoUse_SleepNotCounted_AlertAt12WatchedHoursThenEscalateAt24()
    {
        // Last use ends 19:00. Watched: 19-22 (3 h) + 06-14 (8 h) = 11 h by 14:00; 12 h by 15:00.
        Assert.Empty(NoUse(Series.Local(2, 14)));
        var alert = Assert.Single(NoUse(Series.Local(2, 15)));
        Assert.Equal((WelfareFindingKind.NoUse, Series.Local(2, 15)), (alert.Kind, alert.At));
        Assert.Equal("No water use for 12 h while awake and at home (deadline 12 h).", alert.Detail);

        // 3 h + 16 h (day 2, 06-22) + 5 h (day 3, 06-11) = 24 h at day 3 11:00.
        Assert.Equal(WelfareFindingKind.NoUse, Assert.Single(NoUse(Series.Local(3, 10))).Kind);
        Assert.Equal(WelfareFindingKind.NoUseEscalated, Assert.Single(NoUse(Series.Local(3, 11))).Kind);
    }

    [Fact]
    public void NoUse_AwayModeFrom08_NotCounted()
    {
        // 3 h + 06-08 (2 h) = 5 h watched: no alert.
        Assert.Empty(NoUse(Series.Local(2, 15), Household with { AwayModeSince = Series.Local(2, 8) }));
    }

    [Fact]
    public void NoUse_SnoozedOrMeterLost_Suppressed()
    {
        var snoozed = Household with { Snoozes = [new AwayPeriod(Series.Local(2, 14), Series.Local(2, 18))] };

        Assert.Equal(WelfareFindingKind.Suppressed, Assert.Single(NoUse(Series.Local(2, 15), snoozed)).Kind);
        Assert.Equal(WelfareFindingKind.Suppressed, Assert.Single(NoUse(Series.Local(2, 15), communication: CommunicationStatus.Lost)).Kind);
    }

    [Fact]
    public void NoUse_HoursNotArrived_NotCountedAsNoUse()
    {
        // Data only up to day 2 10:00 (7 watched hours); asking at day 3 does not count the silence after it.
        var partial = Series.Litres(Series.Day1, Series.Concat(Series.Repeat(10, 19), Series.Repeat(0, 15)));

        Assert.Empty(WelfareRules.NoUse(Household, partial, CommunicationStatus.Ok, Series.Local(3, 0), Options, TokyoTime.Zone));
    }

    [Fact]
    public void NoUse_NoUseInWholeSeries_CountedFromItsStart()
    {
        // Zero from day 1 00:00 to day 2 15:00: 06-22 (16 h) + 06-15 (9 h) = 25 h awake without use: escalated.
        var never = Series.Litres(Series.Day1, Series.Repeat(0, 39));

        var finding = Assert.Single(WelfareRules.NoUse(Household, never, CommunicationStatus.Ok, Series.Local(2, 15), Options, TokyoTime.Zone));

        Assert.Equal((WelfareFindingKind.NoUseEscalated, new HourWindow(Series.Day1, Series.Local(2, 15))), (finding.Kind, finding.Evidence));
    }

    [Fact]
    public void ContinuousUse_TwoHoursAt100LitresOrMore_Alert()
    {
        var series = Series.Litres(Series.Local(1, 12), 20, 120, 150, 130, 20, 120, 50);

        var finding = Assert.Single(WelfareRules.ContinuousUse(Household, series, Series.Local(2, 0), Options));

        // 13:00-15:00 at 120 l and 150 l: alert at 15:00, once for the run (16:00's 130 l continues it).
        Assert.Equal((WelfareFindingKind.ContinuousUse, Series.Local(1, 15)), (finding.Kind, finding.At));
        Assert.Equal(new HourWindow(Series.Local(1, 13), Series.Local(1, 15)), finding.Evidence);
    }

    [Fact]
    public void Evaluate_NotEnrolled_Nothing()
    {
        var withdrawn = new WatchedHousehold(Registrations.Enrolled() with { Enrolled = false });

        Assert.Empty(WelfareRules.Evaluate(withdrawn, Morning(1, 1, 1, 1, 1, 1), CommunicationStatus.Ok, Series.Local(2, 0), Options, TokyoTime.Zone));
    }

    [Fact]
    public void NoUseDeadline_HouseholdOutside8To24_KeptInRange()
    {
        Assert.Equal(TimeSpan.FromHours(8), WelfareRules.NoUseDeadline(new WatchedHousehold(Registrations.Enrolled() with { NoUseAlertAfter = TimeSpan.FromHours(4) })));
        Assert.Equal(TimeSpan.FromHours(24), WelfareRules.NoUseDeadline(new WatchedHousehold(Registrations.Enrolled() with { NoUseAlertAfter = TimeSpan.FromDays(2) })));
    }
}
