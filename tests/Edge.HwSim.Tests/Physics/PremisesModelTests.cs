using Edge.HwSim.Physics;

namespace Edge.HwSim.Tests.Physics;

// Every expected volume is worked out by hand from the event's rate and the minutes of the hour it covers.
public class PremisesModelTests
{
    private static readonly DateTimeOffset _t10 = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    private static double Forward(PremisesModel model, int hourAfterTen) => model.FlowInHour(_t10.AddHours(hourAfterTen)).ForwardLitres;

    [Fact]
    public void FlowInHour_LeakingToiletFromHalfPast_HalfAnHourThenFullTrickle()
    {
        var model = new PremisesModel(new ConstantWaterUse(0)).Add(new LeakingToilet(_t10.AddMinutes(30), 3));

        Assert.Equal(0, Forward(model, -1));
        Assert.Equal(1.5, Forward(model, 0), 9); // 30 min × 3 L/h
        Assert.Equal(3, Forward(model, 1), 9);
        Assert.Equal(3, Forward(model, 20), 9); // never stops: no zero hour, night or day
    }

    [Fact]
    public void FlowInHour_BurstFrom1015RepairedAt1245_AddsQuarterHoursOfBurst()
    {
        var model = new PremisesModel(new ConstantWaterUse(10)).Add(new BurstPipe(_t10.AddMinutes(15), 2400, _t10.AddHours(2).AddMinutes(45)));

        Assert.Equal(10 + 1800, Forward(model, 0), 9); // 45 min of 2400 L/h
        Assert.Equal(10 + 2400, Forward(model, 1), 9);
        Assert.Equal(10 + 1800, Forward(model, 2), 9); // until 12:45
        Assert.Equal(10, Forward(model, 3), 9);
    }

    [Fact]
    public void FlowInHour_BackflowUntil1230_NoDeliveryAndReverseFlow()
    {
        var model = new PremisesModel(new ConstantWaterUse(20)).Add(new Backflow(_t10, _t10.AddMinutes(150), 30));

        Assert.Equal(new MeterFlow(0, 30), model.FlowInHour(_t10));
        Assert.Equal(new MeterFlow(0, 30), model.FlowInHour(_t10.AddHours(1)));
        var half = model.FlowInHour(_t10.AddHours(2)); // 30 min without pressure, 30 min of ordinary use
        Assert.Equal(10, half.ForwardLitres, 9);
        Assert.Equal(15, half.ReverseLitres, 9);
        Assert.Equal(-5, half.NetLitres, 9);
        Assert.True(half.Reverse);
        Assert.False(model.FlowInHour(_t10.AddHours(3)).Reverse);
    }

    [Fact]
    public void FlowInHour_SupplyCutFrom1020To1140_LeakStopsToo()
    {
        var model = new PremisesModel(new ConstantWaterUse(10))
            .Add(new LeakingToilet(_t10.AddDays(-1), 3))
            .Add(new SupplyCut(_t10.AddMinutes(20), _t10.AddMinutes(100)));

        Assert.Equal(13.0 * 20 / 60, Forward(model, 0), 9); // 10:00-10:20 only
        Assert.Equal(13.0 * 20 / 60, Forward(model, 1), 9); // 11:40-12:00 only
        Assert.Equal(13, Forward(model, 2), 9);
    }

    [Fact]
    public void FlowInHour_SupplyCutNotRestored_ReadsZeroForever()
    {
        var model = new PremisesModel(new ConstantWaterUse(10)).Add(new SupplyCut(_t10, null));

        Assert.Equal(0, Forward(model, 0));
        Assert.Equal(0, Forward(model, 500));
    }

    [Fact]
    public void FlowInHour_RoutineStops_NoUseFrom0400To1200LocalFromThatDayOn()
    {
        // 2026-11-03 00:00 JST = 2026-11-02 15:00 UTC. Morning 04:00-12:00 JST = 19:00-03:00 UTC.
        var stop = new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.FromHours(9));
        var model = new PremisesModel(new ConstantWaterUse(6)).Add(new RoutineStop(stop));
        var dayBefore = stop.AddDays(-1);
        var day = Enumerable.Range(0, 24).Select(h => model.FlowInHour(stop.AddHours(h)).ForwardLitres).ToArray();

        Assert.Equal(24 * 6, Enumerable.Range(0, 24).Sum(h => model.FlowInHour(dayBefore.AddHours(h)).ForwardLitres), 9);
        Assert.Equal(16 * 6, day.Sum(), 9); // 8 morning hours without use
        Assert.Equal(6, day[3]); // 03:00-04:00
        Assert.Equal(0, day[4]);
        Assert.Equal(0, day[11]);
        Assert.Equal(6, day[12]);
        Assert.Equal(0, model.FlowInHour(stop.AddDays(5).AddHours(7)).ForwardLitres); // and every day after
    }

    [Fact]
    public void FlowInHour_RoutineStopsAllDayAtHalfPast_HalfAnHourThenNothing()
    {
        var model = new PremisesModel(new ConstantWaterUse(6)).Add(new RoutineStop(_t10.AddMinutes(30), AllDay: true));

        Assert.Equal(3, Forward(model, 0), 9);
        Assert.Equal(0, Forward(model, 1), 9);
        Assert.Equal(0, Forward(model, 13), 9);
    }

    [Fact]
    public void FlowInHour_RoutineStopWindowEndsHalfPast_HalfAnHourOfUse()
    {
        var stop = new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.FromHours(9));
        var model = new PremisesModel(new ConstantWaterUse(6)).Add(new RoutineStop(stop) { MorningUntil = TimeSpan.FromMinutes(630) });

        Assert.Equal(3, model.FlowInHour(stop.AddHours(10)).ForwardLitres, 9); // 10:30-11:00 JST
    }

    [Fact]
    public void FlowInHour_HouseholdWithLeak_IsTheHouseholdPlusTheTrickle()
    {
        var household = new HouseholdConsumptionModel(7);
        var model = new PremisesModel(household).Add(new LeakingToilet(_t10.AddDays(-1), 4));
        for (var h = 0; h < 48; h++)
        {
            Assert.Equal(household.LitresInHour(_t10.AddHours(h)) + 4, Forward(model, h), 9);
        }
    }
}
