using System.Net;
using System.Text.Json.Nodes;
using Edge.Ingest.Analytics.Stream;
using Edge.Ingest.Analytics.Welfare;
using Edge.Ingest.Apis;
using Edge.Ingest.Tests.Analytics.AreaService;
using Edge.Ingest.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Edge.Ingest.Tests.Analytics.Welfare;

/// <summary>
/// The welfare watch service through the real pipeline: hourly register readings posted to <c>POST /v1/batches</c>,
/// judged by the background worker (or its timer on the fake clock), read through <c>/v1/welfare/events</c> and the
/// stream. Local time is JST (UTC+9); the clock starts at 2025-06-01T00:00Z = 09:00 local. The household sleeps
/// 22:00-06:00 local; its no-use deadline is 12 h. Expected values are worked out by hand from the posted litres.
/// </summary>
public sealed class WelfareServiceTests
{
    private static readonly DateTimeOffset _start = IngestAppFactory.Start;

    [Fact]
    public async Task PostBatch_UseAt0630_GoodMorningListedAndStreamedToWelfareNeverToWaterworks()
    {
        using var dir = new TempDirectory();
        await using var host = await WelfareHost.StartAsync(dir.DatabasePath, kestrel: true);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var welfareClient = host.App.CreateClient(IngestAppFactory.WelfareKey);
        using var waterworksClient = host.App.CreateClient(IngestAppFactory.WaterworksKey);
        using var welfare = await AreaStatusApiTests.OpenStreamAsync(welfareClient, cancel.Token);
        using var waterworks = await AreaStatusApiTests.OpenStreamAsync(waterworksClient, cancel.Token);

        // 04:00-09:00 local: 0, 0, 10 (06:00-07:00, the 06:30 use), 0, 0 litres.
        await host.PostHoursAsync(1, WelfareHost.Morning, 1_000, [0, 0, 10, 0, 0]);
        await host.RecomputeAsync();

        // First hour of ≥ 5 l after 04:00 ends at 07:00 local = 22:00Z; evidence from 04:00 local.
        var morning = Assert.Single(await host.EventsAsync());
        Assert.Equal(("good-morning", null, WelfareHost.Morning.AddHours(3)), (morning.Kind, morning.Held, morning.At));
        Assert.Equal((WelfareHost.Morning, WelfareHost.Morning.AddHours(3)), (morning.Evidence.From, morning.Evidence.To));
        Assert.Equal("Good morning: 10 l used from 06:00.", morning.Detail);
        Assert.Equal((WelfareHost.Household, _start, false), (morning.HouseholdId, morning.FirstSeen, morning.Acknowledged));

        var streamed = await welfare.UntilAsync(e => e.Type == "welfare", cancel.Token);
        Assert.Equal((morning.Id, "good-morning", WelfareHost.Household),
            (streamed.Json.GetProperty("id").GetString(), streamed.Json.GetProperty("kind").GetString(), streamed.Json.GetProperty("householdId").GetString()));
        Assert.DoesNotContain(WelfareHost.Meter, streamed.Data, StringComparison.Ordinal);

        // A meter-scope marker after it: the waterworks stream reaches it without ever showing a welfare event.
        host.App.Services.GetRequiredService<AnalyticsEventHub>().Publish(AnalyticsEventTypes.Alarm, AnalyticsEventScope.Meter, new JsonObject { ["id"] = "marker" });
        var seen = new List<SseEvent>();
        seen.Add(await waterworks.UntilAsync(e =>
        {
            seen.Add(e);
            return e.Data.Contains("marker", StringComparison.Ordinal);
        }, cancel.Token));
        Assert.DoesNotContain(seen, e => e.Type == "welfare" || e.Data.Contains(WelfareHost.Household, StringComparison.Ordinal));
        using var refused = await waterworksClient.GetAsync(new Uri("/v1/welfare/events", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public async Task Timer_NoUseBy1000_NoMorningUseRaisedByTheTimerAlone()
    {
        using var dir = new TempDirectory();
        await using var host = await WelfareHost.StartAsync(dir.DatabasePath);

        // 09:55 local: the gateway's clock is 5 min fast (within the ingest's 10 min future skew), so the 10:00 reading is
        // here already. Six hours 04:00-10:00 local without use; the deadline has not passed, so nothing yet.
        host.Advance(TimeSpan.FromMinutes(55));
        await host.PostHoursAsync(1, WelfareHost.Morning, 1_000, [0, 0, 0, 0, 0, 0]);
        await host.RecomputeAsync();
        Assert.Empty(await host.EventsAsync("no-morning-use", null));

        // No new data: the worker's timer on the fake clock reaches 10:00 local = 01:00Z.
        var tick = host.Worker.NextTimerTickAsync();
        host.Advance(TimeSpan.FromMinutes(5));
        await tick.WaitAsync(TimeSpan.FromSeconds(60));
        var alert = await PollAsync(() => host.EventsAsync("no-morning-use", null));

        Assert.Equal((_start.AddHours(1), WelfareHost.Morning, _start.AddHours(1)), (alert.At, alert.Evidence.From, alert.Evidence.To));
        Assert.Equal("No use of 5 l or more since 04:00 by 10:00.", alert.Detail);
    }

    [Fact]
    public async Task PostBatches_NoUseWhileAwake_AlertAt12hEscalatedAt24hEachOnce()
    {
        using var dir = new TempDirectory();
        await using var host = await WelfareHost.StartAsync(dir.DatabasePath);
        var lastUse = WelfareHost.Morning.AddHours(3); // 07:00 local, end of the 20 l hour 06:00-07:00

        // 18:00 local: 11 h awake without use, not yet an alert.
        host.Advance(TimeSpan.FromHours(9));
        await host.PostHoursAsync(1, WelfareHost.Morning.AddHours(2), 1_000, [20, .. new long[11]]);
        await host.RecomputeAsync();
        Assert.Empty(await host.EventsAsync("no-use", null));

        // 19:00 local: 12 h (07:00-19:00, all awake) → alert.
        host.Advance(TimeSpan.FromHours(1));
        await host.PostHoursAsync(100, _start.AddHours(9), 1_020, [0]);
        await host.RecomputeAsync();
        var alert = Assert.Single(await host.EventsAsync("no-use", null));
        Assert.Equal((_start.AddHours(10), lastUse, _start.AddHours(10)), (alert.At, alert.Evidence.From, alert.Evidence.To));
        Assert.Equal("No water use for 12 h while awake and at home (deadline 12 h).", alert.Detail);

        // 15:00 local next day: 07:00-22:00 (15 h) + asleep 22:00-06:00 + 06:00-15:00 (9 h) = 24 h awake → escalated.
        host.Advance(TimeSpan.FromHours(20));
        await host.PostHoursAsync(200, _start.AddHours(10), 1_020, new long[20]);
        await host.RecomputeAsync();
        await host.Worker.TickNowAsync();

        var escalated = Assert.Single(await host.EventsAsync("no-use-escalated", null));
        Assert.Equal((_start.AddHours(30), lastUse), (escalated.At, escalated.Evidence.From));
        Assert.Equal("No water use for 24 h while awake and at home (deadline 12 h).", escalated.Detail);
        Assert.Equal([alert.Id], (await host.EventsAsync("no-use", null)).Select(e => e.Id));
    }

    [Fact]
    public async Task PostBatch_TwoHoursRunning_OneContinuousUseAlert()
    {
        using var dir = new TempDirectory();
        await using var host = await WelfareHost.StartAsync(dir.DatabasePath);

        // 150 l in 04:00-05:00 alone, then 150 l in each of 06:00-07:00 and 07:00-08:00 local: one 2 h run (≥ 100 l/h).
        await host.PostHoursAsync(1, WelfareHost.Morning, 1_000, [150, 0, 150, 150, 0]);
        await host.RecomputeAsync();

        var run = Assert.Single(await host.EventsAsync("continuous-use", null));
        Assert.Equal((WelfareHost.Morning.AddHours(4), WelfareHost.Morning.AddHours(2)), (run.At, run.Evidence.From));
        Assert.Equal("Water running for 2 h at 100 l/h or more.", run.Detail);
    }

    [Fact]
    public async Task PostBatch_MeterNotEnrolled_NoEventForAnyone()
    {
        using var dir = new TempDirectory();
        await using var host = await WelfareHost.StartAsync(dir.DatabasePath);

        // The same 2 h run as above on the meter whose household is registered but not enrolled.
        await host.Data.PostHoursAsync("wm-not", 1, WelfareHost.Morning, 1_000, [150, 0, 150, 150, 0]);
        await host.RecomputeAsync();
        await host.Worker.TickNowAsync();

        using var client = host.App.CreateClient(IngestAppFactory.AdminKey);
        var all = await client.GetStringAsync(new Uri("/v1/welfare/events", UriKind.Relative));
        Assert.Equal("""{"events":[],"next":null}""", all);
    }

    [Fact]
    public async Task Timer_MeterSilentPastTheLateLimit_MorningHeldBackNotAlerted()
    {
        using var dir = new TempDirectory();
        await using var host = await WelfareHost.StartAsync(dir.DatabasePath);
        await host.PostHoursAsync(1, WelfareHost.Morning, 1_000, [10, 0, 0, 0, 0]);
        await host.RecomputeAsync();

        // 27 h without an upload (late after 26 h): next morning's hours never arrived. Silence is not no use.
        host.Advance(TimeSpan.FromHours(27));
        await host.Worker.TickNowAsync();

        var held = Assert.Single(await host.EventsAsync("suppressed", "no-morning-use"));
        Assert.Equal((_start.AddHours(25), WelfareHost.Morning.AddDays(1)), (held.At, held.Evidence.From));
        Assert.StartsWith("Held back: hours before the deadline have not arrived.", held.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(await host.EventsAsync(), e => e.Kind is "no-morning-use" or "no-use" or "no-use-escalated" or "continuous-use");
    }

    [Fact]
    public async Task Snooze_NoUseWhileSnoozed_SuppressedThenAlertOnceSnoozeEnded()
    {
        using var dir = new TempDirectory();
        await using var host = await WelfareHost.StartAsync(dir.DatabasePath);
        var snoozed = await WelfareHost.ReadAsync<WelfareHouseholdResource>(
            await host.HouseholdAsync(HttpMethod.Post, "/snooze", """{"until":"2025-06-01T21:00:00+09:00"}"""));
        Assert.Equal(_start.AddHours(12), snoozed.SnoozedUntil);

        // 12 h without use by 19:00 local, inside the snooze: held back.
        host.Advance(TimeSpan.FromHours(10));
        await host.PostHoursAsync(1, WelfareHost.Morning.AddHours(2), 1_000, [20, .. new long[12]]);
        await host.RecomputeAsync();
        var held = Assert.Single(await host.EventsAsync("suppressed", "no-use"));
        Assert.StartsWith("Held back: snoozed by the welfare office.", held.Detail, StringComparison.Ordinal);
        Assert.Empty(await host.EventsAsync("no-use", null));

        // The office ends the snooze at 19:00 local: the same 12 h, judged again with no new data, now alerts.
        var ended = await WelfareHost.ReadAsync<WelfareHouseholdResource>(await host.HouseholdAsync(HttpMethod.Delete, "/snooze"));
        Assert.Null(ended.SnoozedUntil);
        Assert.Equal([new WelfarePeriodResource(_start, _start.AddHours(10))], ended.Snoozes);
        await host.RecomputeAsync();

        var alert = Assert.Single(await host.EventsAsync("no-use", null));
        Assert.Equal((_start.AddHours(10), WelfareHost.Morning.AddHours(3)), (alert.At, alert.Evidence.From));
        Assert.Single(await host.EventsAsync("suppressed", "no-use"));
    }

    [Fact]
    public async Task AwayMode_NoMorningUse_SuppressedAsAway()
    {
        using var dir = new TempDirectory();
        await using var host = await WelfareHost.StartAsync(dir.DatabasePath);
        var away = await WelfareHost.ReadAsync<WelfareHouseholdResource>(await host.HouseholdAsync(HttpMethod.Post, "/away"));
        Assert.Equal((true, _start), (away.AwayMode, away.AwayModeSince));

        // No use 04:00-10:00 local; the deadline (10:00 local) falls in away mode (on since 09:00 local).
        host.Advance(TimeSpan.FromHours(1));
        await host.PostHoursAsync(1, WelfareHost.Morning, 1_000, new long[6]);
        await host.RecomputeAsync();

        var held = Assert.Single(await host.EventsAsync("suppressed", "no-morning-use"));
        Assert.Equal(_start.AddHours(1), held.At);
        Assert.StartsWith("Held back: the household is away.", held.Detail, StringComparison.Ordinal);
        Assert.Empty(await host.EventsAsync("no-morning-use", null));

        // Off again: the span is kept as an away period; a second DELETE changes nothing.
        var off = await WelfareHost.ReadAsync<WelfareHouseholdResource>(await host.HouseholdAsync(HttpMethod.Delete, "/away"));
        var again = await WelfareHost.ReadAsync<WelfareHouseholdResource>(await host.HouseholdAsync(HttpMethod.Delete, "/away"));
        Assert.Equal((false, (DateTimeOffset?)null), (off.AwayMode, off.AwayModeSince));
        Assert.Equal([new WelfarePeriodResource(_start, _start.AddHours(1))], again.AwayPeriods);
        Assert.Equal(off.UpdatedAt, again.UpdatedAt);
    }

    [Fact]
    public async Task PostBatches_BackfillAndDuplicate_NoEventRepeated()
    {
        using var dir = new TempDirectory();
        await using var host = await WelfareHost.StartAsync(dir.DatabasePath);
        host.Advance(TimeSpan.FromHours(10));

        // 06:00-10:00 local (20 l, then none) and 13:00-19:00 local; 10:00-13:00 local missing.
        await host.PostHoursAsync(1, WelfareHost.Morning.AddHours(2), 1_000, [20, 0, 0, 0]);
        await host.PostHoursAsync(100, _start.AddHours(4), 1_020, new long[6]);
        await host.RecomputeAsync();
        var before = await host.EventsAsync();

        // Good morning (first use 06:00-07:00) and no use 07:00-19:00 local = 12 h.
        Assert.Equal(["no-use", "good-morning"], before.Select(e => e.Kind));
        Assert.Equal(WelfareHost.Morning.AddHours(3), before[0].Evidence.From);

        Assert.Equal(HttpStatusCode.Conflict, await host.Data.PostAsync(host.Data.LastBatch!));
        await host.PostHoursAsync(50, _start.AddHours(1), 1_020, [0, 0, 0]);
        await host.RecomputeAsync();
        await host.Worker.TickNowAsync();

        Assert.Equal(before, await host.EventsAsync());
    }

    [Fact]
    public async Task PutDeadline_EarlierThanTodaysFirstUse_TodayNotAnsweredAgain()
    {
        using var dir = new TempDirectory();
        await using var host = await WelfareHost.StartAsync(dir.DatabasePath);
        await host.PostHoursAsync(1, WelfareHost.Morning, 1_000, [0, 0, 10, 0, 0]);
        await host.RecomputeAsync();

        // With 06:00 the first use (06:00-07:00) would be too late, but today already has its answer: good morning.
        var put = await WelfareHost.ReadAsync<WelfareHouseholdResource>(await host.HouseholdAsync(HttpMethod.Put, "", """{"genkiDeadline":"06:00"}"""));
        await host.RecomputeAsync();
        await host.Worker.TickNowAsync();

        Assert.Equal(("06:00", false), (put.GenkiDeadline, put.GenkiDeadlineIsDefault));
        Assert.Equal(["good-morning"], (await host.EventsAsync()).Select(e => e.Kind));
    }

    [Fact]
    public async Task Acknowledge_TwiceByTwoPeople_FirstKeptStreamedAndListed()
    {
        using var dir = new TempDirectory();
        await using var host = await WelfareHost.StartAsync(dir.DatabasePath);
        await host.PostHoursAsync(1, WelfareHost.Morning, 1_000, [0, 0, 10, 0, 0]);
        await host.RecomputeAsync();
        var id = Assert.Single(await host.EventsAsync()).Id;
        host.Advance(TimeSpan.FromMinutes(3));

        using var welfare = host.App.CreateClient(IngestAppFactory.WelfareKey);
        using var admin = host.App.CreateClient(IngestAppFactory.AdminKey);
        var first = await WelfareHost.ReadAsync<WelfareEventResource>(await welfare.PostAsync(
            new Uri($"/v1/welfare/events/{id}/acknowledge", UriKind.Relative), Json("""{"operator":"suzuki"}""")));
        var again = await WelfareHost.ReadAsync<WelfareEventResource>(await admin.PostAsync(
            new Uri($"/v1/welfare/events/{id}/acknowledge", UriKind.Relative), Json("""{"operator":"sato"}""")));

        Assert.Equal((true, "suzuki", _start.AddMinutes(3)), (first.Acknowledged, first.AcknowledgedBy, first.AcknowledgedAt));
        Assert.Equal(first, again);
        Assert.Equal(first, Assert.Single(await host.EventsAsync()));
    }

    internal static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    // The timer's work runs on the worker's own loop: look until it shows, for at most 30 s.
    private static async Task<WelfareEventResource> PollAsync(Func<Task<IReadOnlyList<WelfareEventResource>>> read)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var found = await read();
            if (found.Count > 0 || DateTime.UtcNow > until)
            {
                return Assert.Single(found);
            }

            await Task.Delay(50);
        }
    }
}
