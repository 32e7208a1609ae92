using Edge.Ingest.Analytics.Areas;
using Edge.Ingest.Consumption;

namespace Edge.Ingest.Tests.Analytics.Areas;

public sealed class DmaTests
{
    [Fact]
    public void WaterBalance_InflowMinusBilled_NonRevenueWater()
    {
        var balance = WaterBalance.Of(100m, [30m, 50m, null]);

        // 100 − (30 + 50) = 20 m³, 20 / 100 = 0.2; one customer meter without a volume.
        Assert.Equal((20m, 0.2m, 1), (balance.NonRevenueM3, balance.NonRevenueShare, balance.MetersMissing));
    }

    [Fact]
    public void NearestRank_SevenNights_SecondSmallest()
    {
        // Rank ⌈0.2 × 7⌉ = ⌈1.4⌉ = 2 of [2, 3, 4, 5, 6, 7, 8].
        Assert.Equal(3m, MinimumNightFlow.NearestRank([5m, 3m, 4m, 8m, 2m, 6m, 7m], 20m));
    }

    [Fact]
    public void NightMinima_TwoNights_LowestHourEach_RollingOverWindow()
    {
        // Night 1 (00-05 local): lowest 400 l; night 2: lowest 300 l; daytime hours high.
        decimal?[] day1 = [500, 450, 400, 420, 480, 900, .. Series.Repeat(2000, 18)];
        decimal?[] day2 = [350, 300, 320, 310, 330, 800, .. Series.Repeat(2000, 18)];
        var inflow = Series.Litres(Series.Day1, Series.Concat(day1, day2));

        var nights = MinimumNightFlow.NightMinima(inflow, TokyoTime.Zone);
        var rolling = MinimumNightFlow.Rolling(nights);

        Assert.Equal([(new DateOnly(2026, 6, 1), 0.4m), (new DateOnly(2026, 6, 2), 0.3m)], nights);
        // Over [0.4]: rank 1 → 0.4; over [0.4, 0.3]: rank ⌈0.4⌉ = 1 → 0.3.
        Assert.Equal([0.4m, 0.3m], rolling.Select(r => r.MinimumNightFlowM3));
    }
}
