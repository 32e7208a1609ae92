using Edge.HwSim.Physics;
using Edge.HwSim.Scenarios;
using Edge.Uplink;

namespace Edge.HwSim.Tests.Scenarios;

public class ScenarioTests
{
    private static readonly DateTimeOffset _start = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly ScenarioArea _area = new("a", "A", "13104", 139.70, 35.69, 139.71, 35.70);

    private static Scenario Build()
    {
        var meters = Enumerable.Range(0, 4)
            .Select(i => new ScenarioMeter("m" + i, _area, 35.695, 139.705, new PremisesModel(new ConstantWaterUse(20)), 1000))
            .ToList();

        // A main break on three of the four meters from 01:00 to 03:30 at 30 L/h each.
        new MainBreak(_start.AddHours(1), _start.AddMinutes(210), 30).ApplyTo(meters.Take(3));
        return new Scenario("gw", _start, [_area], meters);
    }

    [Fact]
    public void NextBatch_MainBreak_RegisterCountsDownWithTheReverseFlag()
    {
        var batch = Build().NextBatch(5);

        // Register after each hour: 1020, 990, 960, 955 (03:00-03:30: 10 L forward, 15 L back), 975.
        var broken = batch.Devices[0].Channels[0].Points;
        Assert.Equal([1000L, 1020, 990, 960, 955, 975], broken.Select(p => p.Mantissa));
        Assert.Equal([0, 0, 1, 1, 1, 0], broken.Select(p => p.Flags));
        Assert.Equal([1L, 2, 3, 4, 5, 6], broken.Select(p => p.Seq));
        Assert.Equal(_start.AddHours(5).ToUnixTimeMilliseconds(), broken[^1].ObservedUnixMs);
        var intact = batch.Devices[3].Channels[0].Points;
        Assert.Equal([1000L, 1020, 1040, 1060, 1080, 1100], intact.Select(p => p.Mantissa));
        Assert.All(intact, p => Assert.Equal(0, p.Flags));
    }

    [Fact]
    public void NextBatch_SecondBatch_NoStartReadingAndNextSequence()
    {
        var scenario = Build();
        var first = scenario.NextBatch(1);
        var second = scenario.NextBatch(1);

        Assert.Equal(1, first.Sequence);
        Assert.Equal(2, second.Sequence);
        Assert.Single(second.Devices[3].Channels[0].Points);
        Assert.Equal(3, second.Devices[3].Channels[0].Points[0].Seq);
        Assert.Equal(8 + 4, scenario.ReadingsTaken);
    }

    [Fact]
    public void NextBatch_SameScenario_SameBytes()
    {
        Assert.Equal(BatchCodec.Encode(Build().NextBatch(24)), BatchCodec.Encode(Build().NextBatch(24)));
    }

    [Fact]
    public void Constructor_StartOffTheHour_Refused()
    {
        Assert.Throws<ArgumentException>(() => new Scenario("gw", _start.AddMinutes(1), [_area], []));
    }
}
