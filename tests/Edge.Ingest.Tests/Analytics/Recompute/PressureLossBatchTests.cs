using Edge.Ingest.Tests.Registry;
using Edge.Ingest.Tests.Support;

namespace Edge.Ingest.Tests.Analytics.Recompute;

/// <summary>
/// The area pressure-loss check counts only the hours a recomputed meter flowed back in, reading the area's other
/// meters from the store for those hours: meters arriving in separate batches, each recomputed on its own, must still
/// add up (issue 8: three or more meters of one area in the same hour).
/// </summary>
public sealed class PressureLossBatchTests
{
    [Fact]
    public async Task PostBatches_ThreeMetersBackflowEachInItsOwnRecompute_AreaAlarmAtTheThirdThenAFourthCounted()
    {
        using var dir = new TempDirectory();
        await using var host = new AlarmHost(dir.DatabasePath);
        await ApiAssert.RegisterAsync(host.App,
            Registrations.Meter("wm-a1"), Registrations.Meter("wm-a2"), Registrations.Meter("wm-a3"), Registrations.Meter("wm-a4"),
            Registrations.Meter("wm-quiet"), Registrations.Meter("wm-b1", area: "13102"));
        var t0 = IngestAppFactory.Start.AddHours(-4);

        // The reverse-flow flag (FRAME.md flags bit 0) on the reading of hour 1; hours 0 and 2 are clean.
        foreach (var meter in new[] { "wm-a1", "wm-a2", "wm-b1", "wm-quiet" })
        {
            await host.PostHoursAsync(meter, 1, t0, 100, [1, 1, 1], flagged: meter == "wm-quiet" ? [] : [1], flags: 1);
            await host.RecomputeAsync();
        }

        Assert.Empty((await host.ListAsync("?state=all&kind=suspected-pressure-loss")).Alarms);

        await host.PostHoursAsync("wm-a3", 1, t0, 100, [1, 1, 1], flagged: [1], flags: 1);
        await host.RecomputeAsync();

        var area = Assert.Single((await host.ListAsync("?state=all&kind=suspected-pressure-loss")).Alarms);
        Assert.Equal(("13101", t0.AddHours(1), "cleared", t0.AddHours(2)), (area.AreaId, area.Start, area.State, area.ClearedAt));
        Assert.Contains("Backflow at 3 meters", area.Detail, StringComparison.Ordinal);

        host.App.Time.Advance(TimeSpan.FromHours(1));
        await host.PostHoursAsync("wm-a4", 1, t0, 100, [1, 1, 1], flagged: [1], flags: 1);
        await host.RecomputeAsync();

        var counted = Assert.Single((await host.ListAsync("?state=all&kind=suspected-pressure-loss")).Alarms);
        Assert.Equal((area.Id, t0.AddHours(1)), (counted.Id, counted.Start));
        Assert.Contains("Backflow at 4 meters", counted.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostBatches_CleanBatchOfAnotherMeterAfterTheAlarm_AlarmKeptAsItWas()
    {
        using var dir = new TempDirectory();
        await using var host = new AlarmHost(dir.DatabasePath);
        await ApiAssert.RegisterAsync(host.App,
            Registrations.Meter("wm-a1"), Registrations.Meter("wm-a2"), Registrations.Meter("wm-a3"), Registrations.Meter("wm-a4"));
        var t0 = IngestAppFactory.Start.AddHours(-4);
        foreach (var meter in new[] { "wm-a1", "wm-a2", "wm-a3" })
        {
            await host.PostHoursAsync(meter, 1, t0, 100, [1, 1, 1], flagged: [1], flags: 1);
        }

        await host.RecomputeAsync();
        var before = Assert.Single((await host.ListAsync("?state=all&kind=suspected-pressure-loss")).Alarms);

        // The fourth meter reports the same hours without backflow: the alarm's hour is counted again, still 3.
        await host.PostHoursAsync("wm-a4", 1, t0, 100, [1, 1, 1]);
        await host.RecomputeAsync();

        var after = Assert.Single((await host.ListAsync("?state=all&kind=suspected-pressure-loss")).Alarms);
        Assert.Equal(before, after);
        Assert.Equal(["raised", "cleared"], (await host.GetAsync(after.Id)).History!.Select(c => c.Kind));
    }
}
