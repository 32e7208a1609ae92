using Edge.Ingest.Consumption;
using Edge.Ingest.Normalisation;
using Edge.Ingest.Registry;

namespace Edge.Ingest.Tests.Consumption;

public sealed class AreaAggregatorTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddHours(1);

    private static ConsumptionInterval Interval(decimal? volume, QualityFlag quality) =>
        new(Start, End, null, null, volume, quality, volume is null ? "gap" : null);

    [Fact]
    public void Sum_FourMetersOneGapOneWithoutData_SumOfTwoWithCounts()
    {
        var area = AreaCode.Parse("13101");
        var intervals = new Dictionary<string, ConsumptionInterval>
        {
            ["a"] = Interval(0.25m, QualityFlag.Good),
            ["b"] = Interval(null, QualityFlag.Good),
            ["c"] = Interval(0.5m, QualityFlag.Suspect("jump")),
        };

        var total = AreaAggregator.Sum(area, Start, End, ["a", "b", "c", "d"], intervals);

        Assert.Equal(new AreaConsumption(area, Start, End, 0.75m, 2, 2, 1), total);
        Assert.False(total.IsComplete);
    }

    [Fact]
    public void Sum_IntervalOfAnotherPeriod_Throws()
    {
        var intervals = new Dictionary<string, ConsumptionInterval> { ["a"] = Interval(1m, QualityFlag.Good) with { End = End.AddHours(1) } };

        Assert.Throws<ArgumentException>(() => AreaAggregator.Sum(AreaCode.Parse("13101"), Start, End, ["a"], intervals));
    }

    [Fact]
    public void Sum_NoMeters_CompleteZero()
    {
        var total = AreaAggregator.Sum(AreaCode.Parse("13101"), Start, End, [], new Dictionary<string, ConsumptionInterval>());

        Assert.Equal((0m, 0, 0, true), (total.VolumeM3, total.MetersContributing, total.MetersMissing, total.IsComplete));
    }
}
