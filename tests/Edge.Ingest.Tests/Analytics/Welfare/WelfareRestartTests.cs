using Edge.Ingest.Apis;
using Edge.Ingest.Tests.Support;

namespace Edge.Ingest.Tests.Analytics.Welfare;

/// <summary>
/// Restart safety on both stores: the welfare events and the office's settings are read back by a new process, and
/// judging the same hours again records nothing new.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WelfareRestartTests(PostgresServer server)
{
    [Fact]
    public async Task Restart_Sqlite_EventsAndSettingsKeptNothingRecordedAgain()
    {
        using var dir = new TempDirectory();
        await RestartScenarioAsync(dir.DatabasePath, null);
    }

    [Fact]
    public async Task Restart_Postgres_EventsAndSettingsKeptNothingRecordedAgain()
    {
        var connectionString = await server.CreateDatabaseAsync();
        try
        {
            using var dir = new TempDirectory();
            await RestartScenarioAsync(dir.DatabasePath, new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "postgres",
                ["Storage:ConnectionString"] = connectionString,
            });
        }
        finally
        {
            await server.DropDatabaseAsync(connectionString);
        }
    }

    private static async Task RestartScenarioAsync(string databasePath, IReadOnlyDictionary<string, string?>? settings)
    {
        IReadOnlyList<Edge.Ingest.Analytics.Welfare.WelfareEventResource> events;
        WelfareHouseholdResource kept;
        await using (var first = await WelfareHost.StartAsync(databasePath, settings))
        {
            await WelfareHost.ReadAsync<WelfareHouseholdResource>(await first.HouseholdAsync(HttpMethod.Put, "", """{"genkiDeadline":"09:00"}"""));
            await WelfareHost.ReadAsync<WelfareHouseholdResource>(await first.HouseholdAsync(HttpMethod.Post, "/away"));
            kept = await WelfareHost.ReadAsync<WelfareHouseholdResource>(
                await first.HouseholdAsync(HttpMethod.Post, "/snooze", """{"until":"2025-06-02T00:00:00Z"}"""));

            // Good morning (10 l 06:00-07:00 local) and 2 h running (150 l 07:00-09:00 local).
            await first.PostHoursAsync(1, WelfareHost.Morning, 1_000, [0, 0, 10, 150, 150]);
            await first.RecomputeAsync();
            events = await first.EventsAsync();
            Assert.Equal(["suppressed", "good-morning"], events.Select(e => e.Kind));
            Assert.Equal("continuous-use", events[0].Held);
        }

        // A new process on the same store: settings and events come back; the same hours record nothing again.
        await using var second = await WelfareHost.StartAsync(databasePath, settings, firstBatch: 100, register: false);
        var reread = await WelfareHost.ReadAsync<WelfareHouseholdResource>(await second.HouseholdAsync(HttpMethod.Get));
        Assert.Equal(("09:00", false, true, _start, _start.AddDays(1)),
            (reread.GenkiDeadline, reread.GenkiDeadlineIsDefault, reread.AwayMode, reread.AwayModeSince, reread.SnoozedUntil));
        Assert.Equal(kept.Snoozes, reread.Snoozes);
        Assert.Equal(kept.UpdatedAt, reread.UpdatedAt);
        await second.Worker.TickNowAsync();
        Assert.Equal(events, await second.EventsAsync());
    }

    private static readonly DateTimeOffset _start = IngestAppFactory.Start;
}
