using Edge.Gateway.Links.Routing;
using Edge.Gateway.Tests.Support;

namespace Edge.Gateway.Tests.Links.Routing;

public sealed class LinkRouterTests : IDisposable
{
    private static readonly TimeSpan Hysteresis = TimeSpan.FromMinutes(5);
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Choose_BothHealthy_AlarmsOnTheFirstLinkOthersOnTheCheapest()
    {
        var rig = new RouterRig(_dir.Path);
        var fiveG = rig.Lane(new ScriptedLink("5g"), new LinkPolicyOptions { CostPerByte = 0.002 }, 0);
        var starlink = rig.Lane(new ScriptedLink("starlink"), new LinkPolicyOptions { CostPerByte = 0.001 }, 1);
        var router = RouterRig.Router(starlink, fiveG);

        Assert.Same(fiveG, router.Choose(TrafficClass.Alarm | TrafficClass.Reading, 500, rig.Now)?.Lane);
        Assert.Same(starlink, router.Choose(TrafficClass.Reading, 500, rig.Now)?.Lane);
        Assert.Same(starlink, router.Choose(TrafficClass.Status | TrafficClass.Gap, 500, rig.Now)?.Lane);
    }

    [Fact]
    public void Choose_FiveGFails_AlarmsGoOnSatelliteAtOnceAndReadingsWait()
    {
        var rig = new RouterRig(_dir.Path);
        var fiveG = rig.Lane(new ScriptedLink("5g"), new LinkPolicyOptions { Hysteresis = Hysteresis }, 0, probe: TimeSpan.FromSeconds(30));
        var satellite = rig.Lane(new ScriptedLink("iridium"), new LinkPolicyOptions { Allow = TrafficClass.Alarm | TrafficClass.Status | TrafficClass.Gap, CostPerByte = 0.001 }, 1);
        var router = RouterRig.Router(fiveG, satellite);
        fiveG.RecordSuccess(rig.Now);
        Assert.Same(fiveG, router.Choose(TrafficClass.Alarm, 100, rig.Now)?.Lane);

        fiveG.RecordFailure(rig.Now, TimeSpan.FromSeconds(1));

        Assert.Equal(LaneState.Down, fiveG.State(rig.Now));
        Assert.Same(satellite, router.Choose(TrafficClass.Alarm, 100, rig.Now)?.Lane);
        Assert.Same(satellite, router.Choose(TrafficClass.Status, 100, rig.Now)?.Lane);
        Assert.Null(router.Choose(TrafficClass.Reading, 100, rig.Now));
        Assert.Null(router.TargetFor(TrafficClass.Backfill, rig.Now));
    }

    [Fact]
    public void Choose_FiveGBack_AlarmsReturnAtOnceBulkOnlyAfterTheHysteresis()
    {
        var rig = new RouterRig(_dir.Path);
        var fiveG = rig.Lane(new ScriptedLink("5g"), new LinkPolicyOptions { Hysteresis = Hysteresis }, 0, probe: TimeSpan.FromSeconds(30));
        var satellite = rig.Lane(new ScriptedLink("iridium"), new LinkPolicyOptions { Allow = TrafficClass.Alarm | TrafficClass.Gap, CostPerByte = 0.001 }, 1);
        var router = RouterRig.Router(fiveG, satellite);
        fiveG.RecordFailure(rig.Now, TimeSpan.FromSeconds(1));
        rig.Time.Advance(TimeSpan.FromMinutes(10));

        fiveG.RecordSuccess(rig.Now);
        var back = rig.Now;

        Assert.Equal(LaneState.Recovering, fiveG.State(rig.Now));
        Assert.Same(fiveG, router.Choose(TrafficClass.Alarm, 100, rig.Now)?.Lane);
        Assert.Null(router.Choose(TrafficClass.Reading, 100, rig.Now));
        rig.Time.Advance(Hysteresis - TimeSpan.FromSeconds(1));
        fiveG.RecordSuccess(rig.Now);
        Assert.Null(router.Choose(TrafficClass.Reading, 100, rig.Now));
        rig.Time.SetUtcNow(back + Hysteresis);
        Assert.Equal(LaneState.Up, fiveG.State(rig.Now));
        Assert.Same(fiveG, router.Choose(TrafficClass.Reading, 100, rig.Now)?.Lane);
    }

    [Fact]
    public void Choose_FiveGFlapsEveryMinuteForAnHour_BulkNeverReturnsToIt()
    {
        var rig = new RouterRig(_dir.Path);
        var fiveG = rig.Lane(new ScriptedLink("5g"), new LinkPolicyOptions { Hysteresis = Hysteresis }, 0, probe: TimeSpan.FromSeconds(30));
        var starlink = rig.Lane(new ScriptedLink("starlink"), new LinkPolicyOptions { CostPerByte = 0.01 }, 1);
        var router = RouterRig.Router(fiveG, starlink);
        var bulkOnFiveG = 0;
        var switches = 0;
        var last = router.Choose(TrafficClass.Reading, 1000, rig.Now)?.Lane;

        // Probes every 30 s: up for a minute, down for a minute (4 minutes, well under the 5-minute hysteresis).
        for (var probe = 0; probe < 120; probe++)
        {
            if (probe % 8 < 4)
            {
                fiveG.RecordSuccess(rig.Now);
            }
            else
            {
                fiveG.RecordFailure(rig.Now, TimeSpan.FromSeconds(30));
            }

            var chosen = router.Choose(TrafficClass.Reading, 1000, rig.Now)?.Lane;
            bulkOnFiveG += chosen == fiveG ? 1 : 0;
            switches += chosen != last ? 1 : 0;
            last = chosen;
            rig.Time.Advance(TimeSpan.FromSeconds(30));
        }

        // Only the first minute's four probes, before 5G had ever failed; then one switch to Starlink and none back.
        Assert.Equal(4, bulkOnFiveG);
        Assert.Equal(1, switches);
    }

    [Fact]
    public void Room_MonthlyBudget_OtherClassesStopAtTheReserveKeptClassesAtTheBudget()
    {
        var rig = new RouterRig(_dir.Path);
        var policy = new LinkPolicyOptions { Allow = TrafficClass.All, WhenExhausted = TrafficClass.Alarm | TrafficClass.Gap, MonthlyBytes = 10_000, ReserveShare = 0.1 };
        var lane = rig.Lane(new ScriptedLink("iridium"), policy, 0);
        lane.Charge(8_500, rig.Now);

        // 10,000 × (1 − 0.1) = 9,000 for readings; 10,000 for alarms and gap records.
        Assert.Equal(500, lane.Room(TrafficClass.Reading, 400, rig.Now));
        Assert.Null(lane.Room(TrafficClass.Reading, 501, rig.Now));
        Assert.Null(lane.Room(TrafficClass.Alarm | TrafficClass.Reading, 501, rig.Now));
        Assert.Equal(1_500, lane.Room(TrafficClass.Alarm | TrafficClass.Gap, 1_500, rig.Now));
        Assert.Null(lane.Room(TrafficClass.Alarm, 1_501, rig.Now));
        Assert.False(lane.Exhausted(rig.Now));

        lane.Charge(500, rig.Now);
        Assert.True(lane.Exhausted(rig.Now));
        Assert.Equal(TrafficClass.Alarm | TrafficClass.Gap, lane.CarriesNow(rig.Now));
        Assert.Equal(1_000, RouterRig.Router(lane).Status(rig.Now)[0].MonthlyBytesLeft);
    }

    [Fact]
    public void Usage_AfterRestart_TheCountContinues()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 10, 3, 0, 0, TimeSpan.Zero));
        var before = new RouterRig(_dir.Path, time);
        var policy = new LinkPolicyOptions { MonthlyBytes = 2_000_000 };
        before.Lane(new ScriptedLink("iridium"), policy, 0).Charge(1_234, time.GetUtcNow());
        before.Lane(new ScriptedLink("iridium"), policy, 0).Charge(1_000, time.GetUtcNow());

        var after = new RouterRig(_dir.Path, time).Lane(new ScriptedLink("iridium"), policy, 0);

        var usage = after.Usage(time.GetUtcNow());
        Assert.Equal((2_234L, 2_234L, 2_234L), (usage.DayBytes, usage.MonthBytes, usage.TotalBytes));
    }

    [Fact]
    public void Usage_TokyoMidnightOnTheFirst_DayAndMonthStartAgain()
    {
        // Asia/Tokyo is UTC+9 without daylight saving: 2026-12-01 00:00 JST is 2026-11-30 15:00 UTC.
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 14, 59, 0, TimeSpan.Zero));
        var rig = new RouterRig(_dir.Path, time);
        var lane = rig.Lane(new ScriptedLink("iridium"), new LinkPolicyOptions { TimeZone = "Asia/Tokyo", DailyBytes = 1_000, MonthlyBytes = 5_000 }, 0);
        lane.Charge(900, rig.Now);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.FromHours(9)), lane.Usage(rig.Now).DayStart);
        Assert.Null(lane.Room(TrafficClass.Reading, 100, rig.Now));

        time.Advance(TimeSpan.FromMinutes(1));

        var usage = lane.Usage(rig.Now);
        Assert.Equal((0L, 0L, 900L), (usage.DayBytes, usage.MonthBytes, usage.TotalBytes));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.FromHours(9)), usage.MonthStart);
        Assert.NotNull(lane.Room(TrafficClass.Reading, 100, rig.Now));
    }

    [Fact]
    public void Choose_DownWithoutProbe_TriedAgainWithTrafficOnlyAfterItsRetryWait()
    {
        var rig = new RouterRig(_dir.Path);
        var satellite = rig.Lane(new ScriptedLink("iridium"), new LinkPolicyOptions(), 0);
        var router = RouterRig.Router(satellite);
        satellite.RecordFailure(rig.Now, TimeSpan.FromMinutes(2));

        Assert.Null(router.Choose(TrafficClass.Alarm, 100, rig.Now));
        rig.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Same(satellite, router.Choose(TrafficClass.Alarm, 100, rig.Now)?.Lane);
    }
}
