using Edge.Ingest.Tests.Registry;
using Edge.Ingest.Tests.Support;

namespace Edge.Ingest.Tests.Analytics.Recompute;

/// <summary>The area-level pressure-loss event and the monthly consumption jump, through the real pipeline.</summary>
public sealed class AreaAndMonthlyAlarmTests
{
    private static readonly TimeSpan _jst = TimeSpan.FromHours(9);

    [Fact]
    public async Task PostBatches_ReverseFlowAtThreeMetersOfOneAreaInOneHour_AreaAlarmNotAtTwo()
    {
        using var dir = new TempDirectory();
        await using var host = new AlarmHost(dir.DatabasePath);
        await ApiAssert.RegisterAsync(host.App,
            Registrations.Meter("wm-a1"), Registrations.Meter("wm-a2"), Registrations.Meter("wm-a3"),
            Registrations.Meter("wm-b1", area: "13102"), Registrations.Meter("wm-b2", area: "13102"));
        var t0 = IngestAppFactory.Start.AddHours(-4);

        // The reverse-flow flag (FRAME.md flags bit 0) on the reading of hour 1 at every meter; hour 2 is clean.
        foreach (var meter in new[] { "wm-a1", "wm-a2", "wm-a3", "wm-b1", "wm-b2" })
        {
            await host.PostHoursAsync(meter, 1, t0, 100, [1, 1, 1], flagged: [1], flags: 1);
        }

        await host.RecomputeAsync();

        var area = Assert.Single((await host.ListAsync("?state=all&kind=suspected-pressure-loss")).Alarms);
        Assert.Equal(((string?)null, "13101", t0.AddHours(1)), (area.MeterId, area.AreaId, area.Start));
        Assert.Equal(("cleared", t0.AddHours(2)), (area.State, area.ClearedAt));
        Assert.Contains("3 meters", area.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostBatches_MayTwiceApril_ConsumptionJumpOfOneHundredPercent()
    {
        using var dir = new TempDirectory();
        await using var host = await AlarmHost.StartAsync(dir.DatabasePath, null, 1, "wm-j");
        var april = new DateTimeOffset(2025, 4, 1, 0, 0, 0, _jst);
        var may = new DateTimeOffset(2025, 5, 1, 0, 0, 0, _jst);
        var june = new DateTimeOffset(2025, 6, 1, 0, 0, 0, _jst);

        // Register readings at local month starts: April 10 m³, May 20 m³ (the clock is 1 June 09:00 JST).
        await host.PostAsync(new Edge.Uplink.DeviceRun("wm-j",
        [
            new Edge.Uplink.ChannelRun("volume", "l", 0,
            [
                new Edge.Uplink.ReadingPoint(1, april.ToUnixTimeMilliseconds(), 0, Edge.Uplink.ClockQuality.Ntp, 0),
                new Edge.Uplink.ReadingPoint(2, may.ToUnixTimeMilliseconds(), 10_000, Edge.Uplink.ClockQuality.Ntp, 0),
                new Edge.Uplink.ReadingPoint(3, june.ToUnixTimeMilliseconds(), 30_000, Edge.Uplink.ClockQuality.Ntp, 0),
            ]),
        ]));
        await host.RecomputeAsync();
        await host.TickAsync();

        var jump = Assert.Single(await host.AlarmsAsync("wm-j", "consumption-jump"));
        Assert.Equal(("open", may, 20m), (jump.State, jump.Start, jump.ValueM3));
        Assert.Contains("100 % above the previous month", jump.Detail, StringComparison.Ordinal);
        Assert.Equal(["raised"], (await host.GetAsync(jump.Id)).History!.Select(c => c.Kind));
    }
}
