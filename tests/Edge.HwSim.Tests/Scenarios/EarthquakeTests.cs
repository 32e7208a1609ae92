using Edge.HwSim.Physics;
using Edge.HwSim.Scenarios;

namespace Edge.HwSim.Tests.Scenarios;

public class EarthquakeTests
{
    private static readonly DateTimeOffset _quake = new(2026, 11, 2, 1, 0, 0, TimeSpan.Zero); // 10:00 JST
    private static readonly ScenarioArea _area = new("a", "A", "13104", 139.70, 35.69, 139.71, 35.70);

    [Fact]
    public void ApplyTo_FiveMetersInALine_RestoredNearestFirstEveryTenHours()
    {
        // Restoration from 6 h to 46 h after the quake: ranks 0..4 at 6, 16, 26, 36, 46 h.
        var meters = new[] { 3, 0, 4, 1, 2 }
            .Select(k => new ScenarioMeter("m" + k, _area, 35.695, 139.700 + (k * 0.001), new PremisesModel(new ConstantWaterUse(12)), 0))
            .ToArray();
        var quake = new Earthquake(_quake, (35.695, 139.699)) { RestorationEnds = TimeSpan.FromHours(46) };

        var restored = quake.ApplyTo(meters);

        Assert.Equal([36, 6, 46, 16, 26], restored.Select(r => (r - _quake).TotalHours));
        var first = meters[1].Premises; // restored at 6 h
        Assert.Equal(12, first.FlowInHour(_quake.AddHours(-1)).ForwardLitres);
        Assert.Equal(0, first.FlowInHour(_quake).ForwardLitres);
        Assert.Equal(0, first.FlowInHour(_quake.AddHours(5)).ForwardLitres);
        Assert.Equal(12, first.FlowInHour(_quake.AddHours(6)).ForwardLitres);
        var total = Enumerable.Range(0, 48).Sum(h => meters[2].Premises.FlowInHour(_quake.AddHours(h)).ForwardLitres);
        Assert.Equal(2 * 12, total); // hours 46 and 47 only
    }

    [Fact]
    public void ApplyTo_QuakeAtQuarterPast_FirstHourKeepsItsQuarter()
    {
        var meter = new ScenarioMeter("m", _area, 35.695, 139.705, new PremisesModel(new ConstantWaterUse(12)), 0);
        new Earthquake(_quake.AddMinutes(15), (35.695, 139.705)).ApplyTo([meter]);

        Assert.Equal(3, meter.Premises.FlowInHour(_quake).ForwardLitres, 9);
        Assert.Equal(0, meter.Premises.FlowInHour(_quake.AddHours(1)).ForwardLitres, 9);
    }

    [Fact]
    public void Create_SteadyUse_CutAreasReadZeroOthersTheirDraw()
    {
        var run = EarthquakeScenario.Create(new EarthquakeOptions { QuakeAt = _quake, SteadyUse = true, MetersPerArea = 4, History = TimeSpan.FromHours(2) });

        Assert.Equal(24, run.Scenario.Meters.Count);
        Assert.Equal(8, run.CutMeters.Count);
        Assert.All(run.CutMeters, m => Assert.Contains(m.Area.Id, EarthquakeScenario.DefaultCutAreas));
        Assert.Equal(_quake.AddHours(6), run.RestoredAt.Min());
        Assert.Equal(_quake.AddDays(2), run.RestoredAt.Max());

        // Two hours of history, then the quake's hour: 25 readings of 3 hours (and the start) per batch.
        var history = run.Scenario.NextBatch(2);
        var quakeHour = run.Scenario.NextBatch(1);
        Assert.Equal(_quake.AddHours(1), run.Scenario.Now);
        foreach (var (device, before) in quakeHour.Devices.Zip(history.Devices))
        {
            var cut = run.CutMeters.Any(m => m.DeviceId == device.DeviceId);
            var last = before.Channels[0].Points[^1];
            var now = device.Channels[0].Points[0];
            Assert.Equal(cut ? 0 : 12, now.Mantissa - last.Mantissa);
            Assert.Equal(24, last.Mantissa - before.Channels[0].Points[0].Mantissa);
            Assert.Equal(last.Seq + 1, now.Seq);
        }
    }
}
