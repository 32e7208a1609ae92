using System.Text;
using Edge.Ingest.Registry;
using Edge.Ingest.Tests.Registry;
using Edge.Ingest.Tests.Support;

namespace Edge.Ingest.Tests.Analytics.Recompute;

/// <summary>
/// The registry's <c>meter.occupied</c> and <c>meter.uploadInterval</c> through the real pipeline: registered with
/// <c>PUT /v1/admin/devices</c>, readings posted to <c>POST /v1/batches</c>, alarms read from <c>/v1/alarms</c>.
/// Expected values from issue 8: stuck meter = 30 days without consumption on an occupied account; no communication
/// late after the interval + 2 h and lost after 3 × the interval.
/// </summary>
public sealed class OccupancyAndIntervalAlarmTests
{
    // 30 days of hours ending at the test clock (2025-06-01T00:00Z).
    private static readonly DateTimeOffset _thirtyDaysAgo = IngestAppFactory.Start.AddDays(-30);

    private static DeviceRegistration Meter(string id, bool occupied = false, TimeSpan? interval = null) =>
        Registrations.Meter(id) with { Meter = new MeterProfile(5, 2.5m, "S-1", occupied, interval) };

    [Fact]
    public async Task PostBatches_ThirtyDaysOfZeroHours_StuckMeterOnTheOccupiedAccountOnly()
    {
        using var dir = new TempDirectory();
        await using var host = new AlarmHost(dir.DatabasePath);
        await ApiAssert.RegisterAsync(host.App, Meter("wm-home", occupied: true), Meter("wm-empty"));
        var zeroHours = new long[30 * 24];

        await host.PostHoursAsync("wm-home", 1, _thirtyDaysAgo, 12_345, zeroHours);
        await host.PostHoursAsync("wm-empty", 1, _thirtyDaysAgo, 12_345, zeroHours);
        await host.RecomputeAsync();

        var stuck = Assert.Single(await host.AlarmsAsync("wm-home", "stuck-meter"));
        Assert.Equal(("open", _thirtyDaysAgo, IngestAppFactory.Start), (stuck.State, stuck.Start, stuck.ConfirmedUntil));
        Assert.Contains("30 days", stuck.Detail, StringComparison.Ordinal);
        Assert.Empty(await host.AlarmsAsync("wm-empty", "stuck-meter"));
    }

    [Fact]
    public async Task PostBatches_TwentyNineDaysOfZeroHoursThenOneLitre_NoStuckMeter()
    {
        using var dir = new TempDirectory();
        await using var host = new AlarmHost(dir.DatabasePath);
        await ApiAssert.RegisterAsync(host.App, Meter("wm-home", occupied: true));
        var hours = new long[30 * 24];
        hours[29 * 24] = 1;

        await host.PostHoursAsync("wm-home", 1, _thirtyDaysAgo, 12_345, hours);
        await host.RecomputeAsync();

        Assert.Empty(await host.AlarmsAsync("wm-home", "stuck-meter"));
    }

    [Fact]
    public async Task PutDevice_MarkedOccupiedAfterTheData_MeterRecomputedWithoutNewData()
    {
        using var dir = new TempDirectory();
        await using var host = new AlarmHost(dir.DatabasePath);
        await ApiAssert.RegisterAsync(host.App, Meter("wm-home"));
        await host.PostHoursAsync("wm-home", 1, _thirtyDaysAgo, 12_345, new long[30 * 24]);
        await host.RecomputeAsync();
        Assert.Empty(await host.AlarmsAsync("wm-home", "stuck-meter"));

        await ApiAssert.RegisterAsync(host.App, Meter("wm-home", occupied: true));
        await host.RecomputeAsync();

        var stuck = Assert.Single(await host.AlarmsAsync("wm-home", "stuck-meter"));
        Assert.Equal(("open", _thirtyDaysAgo), (stuck.State, stuck.Start));
    }

    [Fact]
    public async Task PutDevice_MarkedUnoccupiedWithAStuckAlarmOpen_AlarmWithdrawn()
    {
        using var dir = new TempDirectory();
        await using var host = new AlarmHost(dir.DatabasePath);
        await ApiAssert.RegisterAsync(host.App, Meter("wm-home", occupied: true));
        await host.PostHoursAsync("wm-home", 1, _thirtyDaysAgo, 12_345, new long[30 * 24]);
        await host.RecomputeAsync();
        var open = Assert.Single(await host.AlarmsAsync("wm-home", "stuck-meter"));

        await ApiAssert.RegisterAsync(host.App, Meter("wm-home"));
        await host.RecomputeAsync();

        var withdrawn = Assert.Single(await host.AlarmsAsync("wm-home", "stuck-meter"));
        Assert.Equal((open.Id, "cleared"), (withdrawn.Id, withdrawn.State));
        Assert.Contains("Withdrawn", (await host.GetAsync(open.Id)).History![^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tick_HourlyAndDailyUploadsSilentForFourHours_HourlyLostAfterThreeHoursDailyNothing()
    {
        using var dir = new TempDirectory();
        await using var host = new AlarmHost(dir.DatabasePath);
        await ApiAssert.RegisterAsync(host.App, Meter("wm-hourly", interval: TimeSpan.FromHours(1)), Meter("wm-daily"));

        // Both uploads are received at the clock's start.
        await host.PostHoursAsync("wm-hourly", 1, IngestAppFactory.Start.AddHours(-2), 10, [1, 1]);
        await host.PostHoursAsync("wm-daily", 1, IngestAppFactory.Start.AddHours(-2), 10, [1, 1]);
        await host.RecomputeAsync();

        // 2 h 59 min of silence: within 1 h + 2 h.
        host.App.Time.Advance(TimeSpan.FromMinutes(179));
        await host.TickAsync();
        Assert.Empty(await host.AlarmsAsync("wm-hourly", "no-communication"));

        // 4 h: past 1 h + 2 h = 3 h (late) and 3 × 1 h = 3 h (lost) at once; the daily meter is 22 h from late.
        host.App.Time.Advance(TimeSpan.FromMinutes(61));
        await host.TickAsync();
        var lost = Assert.Single(await host.AlarmsAsync("wm-hourly", "no-communication"));
        Assert.Equal(("open", IngestAppFactory.Start.AddHours(3)), (lost.State, lost.Start));
        Assert.Contains("lost: late after 3 h, lost after 3 h", lost.Detail, StringComparison.Ordinal);
        Assert.Empty(await host.AlarmsAsync("wm-daily", "no-communication"));
    }

    [Fact]
    public async Task Tick_SixHourUploads_LateAfterEightHoursLostAfterEighteen()
    {
        using var dir = new TempDirectory();
        await using var host = new AlarmHost(dir.DatabasePath);
        await ApiAssert.RegisterAsync(host.App, Meter("wm-6h", interval: TimeSpan.FromHours(6)));
        await host.PostHoursAsync("wm-6h", 1, IngestAppFactory.Start.AddHours(-2), 10, [1, 1]);
        await host.RecomputeAsync();

        // 6 h + 2 h = 8 h late; 3 × 6 h = 18 h lost.
        host.App.Time.Advance(TimeSpan.FromHours(9));
        await host.TickAsync();
        var late = Assert.Single(await host.AlarmsAsync("wm-6h", "no-communication"));
        Assert.Equal(IngestAppFactory.Start.AddHours(8), late.Start);
        Assert.Contains("late: late after 8 h, lost after 18 h", late.Detail, StringComparison.Ordinal);

        host.App.Time.Advance(TimeSpan.FromHours(10));
        await host.TickAsync();
        var lost = Assert.Single(await host.AlarmsAsync("wm-6h", "no-communication"));
        Assert.Equal(late.Id, lost.Id);
        Assert.Contains("lost: late after 8 h", lost.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetDevice_OccupiedHourlyMeter_ShowsBothAndABadIntervalIs422WithNothingChanged()
    {
        using var dir = new TempDirectory();
        await using var host = new AlarmHost(dir.DatabasePath);
        await ApiAssert.RegisterAsync(host.App, Meter("wm-1", occupied: true, interval: TimeSpan.FromHours(1)));
        using var admin = host.App.CreateClient(IngestAppFactory.AdminKey);

        var got = await admin.GetStringAsync(new Uri("/v1/admin/devices/wm-1", UriKind.Relative));
        var bad = DeviceDocument.Write(Meter("wm-1", occupied: false)).Replace(
            "\"occupied\":false", "\"occupied\":false,\"uploadInterval\":\"P8D\"", StringComparison.Ordinal);
        using var put = await admin.PutAsync(
            new Uri("/v1/admin/devices/wm-1", UriKind.Relative), new StringContent(bad, Encoding.UTF8, "application/json"));

        Assert.Contains("\"occupied\":true,\"uploadInterval\":\"PT1H\"", got, StringComparison.Ordinal);
        await ApiAssert.ProblemAsync(put, System.Net.HttpStatusCode.UnprocessableEntity, Edge.Ingest.Apis.ProblemTypes.InvalidDevice);
        Assert.Contains("$.meter.uploadInterval", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(got, await admin.GetStringAsync(new Uri("/v1/admin/devices/wm-1", UriKind.Relative)));
    }
}
