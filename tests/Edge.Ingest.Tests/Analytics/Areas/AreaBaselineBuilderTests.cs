using Edge.Ingest.Analytics.Areas;
using Edge.Ingest.Consumption;

namespace Edge.Ingest.Tests.Analytics.Areas;

public sealed class AreaBaselineBuilderTests
{
    [Fact]
    public void Build_FourWeeksOfOneSlot_MedianAndNormallyActive()
    {
        var meters = new AreaMeters("a", ["m1", "m2", "m3"]);
        // Monday 07:00 local in four consecutive weeks. m1 uses water every week, m2 in two of four, m3 in one.
        decimal?[][] weeks =
        [
            [0.5m, 0.5m, 0m],
            [1.0m, 0m, 1.0m],
            [1.5m, 1.5m, 0m],
            [10m, 0m, 0m],
        ];
        var history = weeks.Select((v, w) => new AreaHour(Series.Local(1, 7).AddDays(7 * w), v));

        var baseline = AreaBaselineBuilder.Build(meters, history, new AreaStatusOptions(), TokyoTime.Zone);

        // Area volumes 1.0, 2.0, 3.0, 10.0: median (2.0 + 3.0) / 2 = 2.5. Active share ≥ 0.5: m1 (4/4), m2 (2/4).
        var slot = HourOfWeek.Of(Series.Local(1, 7), TokyoTime.Zone);
        Assert.Equal(1 * 24 + 7, slot); // Monday 07:00
        Assert.Equal(2.5m, baseline.MedianVolumeM3(slot));
        Assert.Equal([true, true, false], Enumerable.Range(0, 3).Select(m => baseline.IsNormallyActive(slot, m)));
        Assert.Null(baseline.MedianVolumeM3(slot + 1));
    }

    [Fact]
    public void Median_OddCount_MiddleValue()
    {
        Assert.Equal(3m, AreaBaselineBuilder.Median([5m, 1m, 3m]));
    }
}
