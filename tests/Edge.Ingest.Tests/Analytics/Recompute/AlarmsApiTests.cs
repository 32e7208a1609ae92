using System.Net;
using Edge.Ingest.Analytics.Recompute;
using Edge.Ingest.Analytics.Stream;
using Edge.Ingest.Apis;
using Edge.Ingest.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Edge.Ingest.Tests.Analytics.Recompute;

/// <summary>
/// Alarms through the real pipeline: batches posted to <c>POST /v1/batches</c>, recomputed by the background worker,
/// read and acted on through <c>/v1/alarms</c>. Expected values are hand-computed from issue 8's examples.
/// </summary>
public sealed class AlarmsApiTests
{
    // Issue 8's continuous-leak example, litres per hour: no zero hour in 24 h, the smallest hour is 3 l.
    internal static readonly long[] LeakDay = [3, 3, 3, 3, 3, 3, 45, 80, 20, 10, 5, 5, 30, 10, 5, 5, 10, 60, 80, 40, 20, 10, 5, 3];

    // The 24 hours before the test clock (2025-06-01T00:00Z).
    internal static readonly DateTimeOffset T0 = IngestAppFactory.Start.AddHours(-24);

    [Fact]
    public async Task PostBatches_LeakExample_ListedOpenWithThreeLitresPerHour()
    {
        using var dir = new TempDirectory();
        await using var host = await AlarmHost.StartAsync(dir.DatabasePath, null, 1, "wm-leak", "wm-dry");
        var withZero = (long[])LeakDay.Clone();
        withZero[3] = 0;

        await host.PostHoursAsync("wm-leak", 1, T0, 5_000, LeakDay);
        await host.PostHoursAsync("wm-dry", 1, T0, 7_000, withZero);
        await host.RecomputeAsync();

        var leak = Assert.Single(await host.AlarmsAsync("wm-leak", "continuous-leak"));
        Assert.Equal(("open", false, false, 0.003m), (leak.State, leak.Acknowledged, leak.Latching, leak.ValueM3));
        Assert.Equal(("wm-leak", "13101", T0, IngestAppFactory.Start), (leak.MeterId, leak.AreaId, leak.Start, leak.ConfirmedUntil));
        Assert.Null(leak.ClearedAt);
        Assert.Contains("3 l/h", leak.Detail, StringComparison.Ordinal);
        Assert.Empty(await host.AlarmsAsync("wm-dry", "continuous-leak"));
        var open = await host.ListAsync("?kind=continuous-leak");
        Assert.Equal([leak.Id], open.Alarms.Select(a => a.Id));
        var raised = Assert.Single((await host.GetAsync(leak.Id)).History!);
        Assert.Equal(("raised", T0, IngestAppFactory.Start), (raised.Kind, raised.Evidence.From, raised.Evidence.To));
    }

    [Fact]
    public async Task PostBatches_LeakThenAZeroHour_Cleared()
    {
        using var dir = new TempDirectory();
        await using var host = await AlarmHost.StartAsync(dir.DatabasePath, null, 1, "wm-leak");
        await host.PostHoursAsync("wm-leak", 1, T0, 5_000, LeakDay);
        await host.RecomputeAsync();

        // One more hour with the register standing still: a full zero hour.
        host.App.Time.Advance(TimeSpan.FromHours(1));
        await host.PostHoursAsync("wm-leak", 100, IngestAppFactory.Start, 5_000 + LeakDay.Sum(), [0]);
        await host.RecomputeAsync();

        var leak = Assert.Single(await host.AlarmsAsync("wm-leak", "continuous-leak"));
        Assert.Equal(("cleared", IngestAppFactory.Start), (leak.State, leak.ClearedAt));
        var history = (await host.GetAsync(leak.Id)).History!;
        Assert.Equal(["raised", "cleared"], history.Select(c => c.Kind));
        Assert.Equal((IngestAppFactory.Start, IngestAppFactory.Start.AddHours(1)), (history[1].Evidence.From, history[1].Evidence.To));
        Assert.Empty((await host.ListAsync("?kind=continuous-leak")).Alarms);
    }

    [Fact]
    public async Task Acknowledge_OpenLeak_HistoryShowsItAndSecondCallChangesNothing()
    {
        using var dir = new TempDirectory();
        await using var host = await AlarmHost.StartAsync(dir.DatabasePath, null, 1, "wm-leak");
        await host.PostHoursAsync("wm-leak", 1, T0, 5_000, LeakDay);
        await host.RecomputeAsync();
        var id = Assert.Single(await host.AlarmsAsync("wm-leak", "continuous-leak")).Id;

        var first = await AlarmHost.ReadAsync(await host.CommandAsync(id, "acknowledge", """{"operator":"tanaka","note":"crew sent"}"""));
        var again = await AlarmHost.ReadAsync(await host.CommandAsync(id, "acknowledge", """{"operator":"sato"}""", IngestAppFactory.AdminKey));

        Assert.True(first.Acknowledged);
        Assert.Equal("open", first.State);
        var change = first.History![^1];
        Assert.Equal(("acknowledged", "tanaka", IngestAppFactory.Start), (change.Kind, change.Operator, change.At));
        Assert.Contains("crew sent", change.Detail, StringComparison.Ordinal);
        Assert.Equal(first.History.Count, again.History!.Count);
        Assert.Equal(["raised", "acknowledged"], (await host.GetAsync(id)).History!.Select(c => c.Kind));
    }

    [Fact]
    public async Task PostBatches_BackfillAndDuplicateBatch_NoNewAlarmAndNothingRaisedAgain()
    {
        using var dir = new TempDirectory();
        await using var host = await AlarmHost.StartAsync(dir.DatabasePath, null, 1, "wm-leak");
        await host.PostHoursAsync("wm-leak", 1, T0, 5_000, LeakDay);
        await host.RecomputeAsync();
        var before = Assert.Single(await host.AlarmsAsync("wm-leak", "continuous-leak"));

        // The same batch again (a gateway retry), then the day before arriving late: 3 l in every hour, so the leak
        // began 24 h earlier than first seen.
        var retry = host.LastBatch!;
        Assert.Equal(HttpStatusCode.Conflict, await host.PostAsync(retry));
        await host.PostHoursAsync("wm-leak", 200, T0.AddHours(-24), 5_000 - 72, [.. Enumerable.Repeat(3L, 23)]);
        await host.RecomputeAsync();

        var after = Assert.Single(await host.AlarmsAsync("wm-leak", "continuous-leak"));
        Assert.Equal((before.Id, before.Start, "open", 0.003m), (after.Id, after.Start, after.State, after.ValueM3));
        Assert.Equal(["raised"], (await host.GetAsync(after.Id)).History!.Select(c => c.Kind));
    }

    [Fact]
    public async Task PostBatches_Tamper_LatchesUntilAnOperatorClearsThenANewFlagIsANewAlarm()
    {
        using var dir = new TempDirectory();
        await using var host = await AlarmHost.StartAsync(dir.DatabasePath, null, 1, "wm-t");
        var t0 = IngestAppFactory.Start.AddHours(-12);

        // The tamper bit (FRAME.md flags bit 1) on the reading of hour 2 only; hours 3-6 report without it.
        await host.PostHoursAsync("wm-t", 1, t0, 100, [1, 1, 1, 1, 1, 1], flagged: [2], flags: 2);
        await host.RecomputeAsync();
        var tamper = Assert.Single(await host.AlarmsAsync("wm-t", "tamper"));
        Assert.Equal(("open", true, t0.AddHours(2)), (tamper.State, tamper.Latching, tamper.Start));

        var cleared = await AlarmHost.ReadAsync(await host.CommandAsync(tamper.Id, "clear", """{"operator":"sato"}"""));
        Assert.Equal(("cleared", IngestAppFactory.Start), (cleared.State, cleared.ClearedAt));
        Assert.Equal(("cleared", "sato"), (cleared.History![^1].Kind, cleared.History[^1].Operator));

        host.App.Time.Advance(TimeSpan.FromHours(3));
        await host.PostHoursAsync("wm-t", 50, IngestAppFactory.Start.AddHours(1), 106, [1], flagged: [0], flags: 2);
        await host.RecomputeAsync();

        var all = await host.AlarmsAsync("wm-t", "tamper");
        Assert.Equal(2, all.Count);
        Assert.Equal("cleared", all.Single(a => a.Id == tamper.Id).State);
        var fresh = all.Single(a => a.Id != tamper.Id);
        Assert.Equal(("open", IngestAppFactory.Start.AddHours(1)), (fresh.State, fresh.Start));
    }

    [Fact]
    public async Task PostBatches_MeterFaultFlaggedThenClearedLater_OneAlarmOpenThenCleared()
    {
        using var dir = new TempDirectory();
        await using var host = await AlarmHost.StartAsync(dir.DatabasePath, null, 1, "wm-f");
        var t0 = IngestAppFactory.Start.AddHours(-12);

        // The gateway's ECHONET fault bit (FRAME.md gateway bit 11, 0x800) on the reading of hour 1 only.
        await host.PostHoursAsync("wm-f", 1, t0, 100, [1, 1, 1], flagged: [1], flags: 0x800);
        await host.RecomputeAsync();
        var open = Assert.Single(await host.AlarmsAsync("wm-f", "meter-fault"));
        Assert.Equal(("open", false, t0.AddHours(1)), (open.State, open.Latching, open.Start));

        // A later batch: hours 4-5 quiet, the fault-cleared bit (bit 12, 0x1000) on hour 6.
        await host.PostHoursAsync("wm-f", 5, t0.AddHours(4), 103, [1, 1, 1], flagged: [2], flags: 0x1000);
        await host.RecomputeAsync();
        var cleared = Assert.Single(await host.AlarmsAsync("wm-f", "meter-fault"));
        // clearedAt = the start of the hour that cleared it (API.md): the reading at +6 h falls in hour [+6 h, +7 h).
        Assert.Equal((open.Id, "cleared", t0.AddHours(6)), (cleared.Id, cleared.State, cleared.ClearedAt));
    }

    [Fact]
    public async Task PostBatches_MeterFaultClearedAWeekLaterBeyondTheLookback_TheSameAlarmCleared()
    {
        using var dir = new TempDirectory();
        await using var host = await AlarmHost.StartAsync(dir.DatabasePath, null, 1, "wm-f");
        var t0 = IngestAppFactory.Start.AddDays(-8);
        await host.PostHoursAsync("wm-f", 1, t0, 100, [1, 1, 1], flagged: [1], flags: 0x800);
        await host.RecomputeAsync();
        var open = Assert.Single(await host.AlarmsAsync("wm-f", "meter-fault"));

        // Seven days later (the recompute window starts long after the fault flag), only the cleared flag arrives.
        var later = t0.AddDays(7);
        await host.PostHoursAsync("wm-f", 10, later, 110, [1, 1], flagged: [1], flags: 0x1000);
        await host.RecomputeAsync();

        var cleared = Assert.Single(await host.AlarmsAsync("wm-f", "meter-fault"));
        Assert.Equal((open.Id, "cleared", later.AddHours(1)), (cleared.Id, cleared.State, cleared.ClearedAt));
    }

    [Fact]
    public async Task Clear_NotLatching_ConflictAndNothingChanged()
    {
        using var dir = new TempDirectory();
        await using var host = await AlarmHost.StartAsync(dir.DatabasePath, null, 1, "wm-leak");
        await host.PostHoursAsync("wm-leak", 1, T0, 5_000, LeakDay);
        await host.RecomputeAsync();
        var leak = Assert.Single(await host.AlarmsAsync("wm-leak", "continuous-leak"));

        using var response = await host.CommandAsync(leak.Id, "clear", """{"operator":"sato"}""");

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict, AlarmProblems.NotLatching);
        Assert.Equal(leak, await host.GetAsync(leak.Id) with { History = null });
    }

    [Fact]
    public async Task Tick_NoUploadFor27HoursThen73_LateThenLostWithoutNewDataThenClearedByAnUpload()
    {
        using var dir = new TempDirectory();
        await using var host = await AlarmHost.StartAsync(dir.DatabasePath, null, 1, "wm-s");
        await host.PostHoursAsync("wm-s", 1, IngestAppFactory.Start.AddHours(-2), 10, [1, 1]);
        await host.RecomputeAsync();
        await host.TickAsync();
        Assert.Empty(await host.AlarmsAsync("wm-s", "no-communication"));

        // The upload was received at the clock's start; late after 24 h + 2 h, lost after 3 × 24 h.
        host.App.Time.Advance(TimeSpan.FromHours(27));
        await host.TickAsync();
        var late = Assert.Single(await host.AlarmsAsync("wm-s", "no-communication"));
        Assert.Equal(("open", IngestAppFactory.Start.AddHours(26)), (late.State, late.Start));
        Assert.Contains("late", late.Detail, StringComparison.Ordinal);

        host.App.Time.Advance(TimeSpan.FromHours(46));
        await host.TickAsync();
        var lost = Assert.Single(await host.AlarmsAsync("wm-s", "no-communication"));
        Assert.Equal((late.Id, "open"), (lost.Id, lost.State));
        Assert.Contains("lost", lost.Detail, StringComparison.Ordinal);

        await host.PostHoursAsync("wm-s", 10, IngestAppFactory.Start.AddHours(72), 12, [1]);
        await host.RecomputeAsync();
        var back = Assert.Single(await host.AlarmsAsync("wm-s", "no-communication"));
        Assert.Equal((late.Id, "cleared", IngestAppFactory.Start.AddHours(73)), (back.Id, back.State, back.ClearedAt));
    }

    [Fact]
    public async Task TimerTick_FakeClockPastTheLateLimit_NoCommunicationRaisedByTheTimerAlone()
    {
        using var dir = new TempDirectory();
        await using var host = await AlarmHost.StartAsync(dir.DatabasePath, null, 1, "wm-s");
        await host.PostHoursAsync("wm-s", 1, IngestAppFactory.Start.AddHours(-2), 10, [1, 1]);
        await host.RecomputeAsync();
        var worker = host.App.Services.GetRequiredService<AlarmRecomputeWorker>();

        // No explicit tick: the worker's timer runs on the app's fake clock.
        var tick = worker.NextTimerTickAsync();
        host.App.Time.Advance(TimeSpan.FromHours(27));
        await tick.WaitAsync(TimeSpan.FromSeconds(60));

        var late = Assert.Single(await host.AlarmsAsync("wm-s", "no-communication"));
        Assert.Equal(("open", IngestAppFactory.Start.AddHours(26)), (late.State, late.Start));
    }

    [Fact]
    public async Task PostBatches_Leak_EachChangePublishedOnTheHubAsTheAlarm()
    {
        using var dir = new TempDirectory();
        await using var host = await AlarmHost.StartAsync(dir.DatabasePath, null, 1, "wm-leak");
        using var subscription = host.App.Services.GetRequiredService<AnalyticsEventHub>().Subscribe();

        await host.PostHoursAsync("wm-leak", 1, T0, 5_000, LeakDay);
        await host.RecomputeAsync();

        var events = new List<AnalyticsEvent>();
        while (subscription.Events.TryRead(out var e))
        {
            events.Add(e);
        }

        var leak = Assert.Single(await host.AlarmsAsync("wm-leak", "continuous-leak"));
        var published = Assert.Single(events, e => (string?)e.Data["kind"] == "continuous-leak");
        Assert.Equal((AnalyticsEventTypes.Alarm, AnalyticsEventScope.Meter), (published.Type, published.Scope));
        Assert.Equal((leak.Id, "open", 0.003m), ((string?)published.Data["id"], (string?)published.Data["state"], (decimal?)published.Data["valueM3"]));
    }
}
