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

    [Fact]
    public void LitresInHour_AcrossProcesses_IsStable()
    {
        // Run the model in a fresh process: the same seed and hour must give the same litres there too
        // (nothing may depend on per-process hash randomisation).
        var here = new HouseholdConsumptionModel(5).LitresInHour(_day.AddHours(19));
        var assembly = typeof(HouseholdConsumptionModel).Assembly.Location;
        var psi = new System.Diagnostics.ProcessStartInfo("dotnet", ["exec", "--runtimeconfig",
            Path.ChangeExtension(typeof(HouseholdConsumptionModelTests).Assembly.Location, ".runtimeconfig.json"),
            "--depsfile", Path.ChangeExtension(typeof(HouseholdConsumptionModelTests).Assembly.Location, ".deps.json"),
            Path.ChangeExtension(assembly, ".dll"), "model", "--seed", "5", "--from", "2026-11-02T10:00:00Z", "--hours", "1"])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = System.Diagnostics.Process.Start(psi)!;
        var text = process.StandardOutput.ReadToEnd().Trim().Split(' ')[^1];
        process.WaitForExit();
        Assert.Equal(here.ToString("R", System.Globalization.CultureInfo.InvariantCulture), text);
    }
}
