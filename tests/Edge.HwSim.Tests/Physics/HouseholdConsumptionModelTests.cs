using Edge.HwSim.Physics;

namespace Edge.HwSim.Tests.Physics;

public class HouseholdConsumptionModelTests
{
    private static readonly DateTimeOffset _day = new(2026, 11, 1, 15, 0, 0, TimeSpan.Zero); // 00:00 JST

    [Fact]
    public void DrawsInHour_SameSeedAndHour_SameDraws()
    {
        var a = new HouseholdConsumptionModel(42).DrawsInHour(_day.AddHours(8));
        var b = new HouseholdConsumptionModel(42).DrawsInHour(_day.AddHours(8));
        Assert.Equal(a, b);
    }

    [Fact]
    public void LitresPerDay_OverAMonth_IsInTokyoHouseholdRange()
    {
        // A Tokyo household uses roughly 100-600 L a day (about 8 m³ a month on average).
        for (var seed = 1; seed <= 20; seed++)
        {
            var model = new HouseholdConsumptionModel(seed);
            var total = Enumerable.Range(0, 24 * 30).Sum(h => model.LitresInHour(_day.AddHours(h)));
            Assert.InRange(total / 30, 60, 700);
        }
    }

    [Fact]
    public void DrawsInHour_SmallHoursOfTheNight_MostlyDry()
    {
        var dry = 0;
        var total = 0;
        for (var seed = 1; seed <= 50; seed++)
        {
            var model = new HouseholdConsumptionModel(seed);
            for (var day = 0; day < 7; day++)
            {
                // 02:00-04:00 JST
                for (var h = 2; h < 4; h++)
                {
                    total++;
                    dry += model.DrawsInHour(_day.AddDays(day).AddHours(h)).Count == 0 ? 1 : 0;
                }
            }
        }

        Assert.True(dry > total / 2, $"{dry} of {total} night hours dry");
    }
}
