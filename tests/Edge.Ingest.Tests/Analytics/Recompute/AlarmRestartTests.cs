using Edge.Ingest.Tests.Support;

namespace Edge.Ingest.Tests.Analytics.Recompute;

/// <summary>
/// Restart safety on both stores: the alarms raised and acknowledged before a restart are read back, and recomputing
/// with new data continues them instead of raising them again.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AlarmRestartTests(PostgresServer server)
{
    [Fact]
    public async Task Restart_Sqlite_AlarmsKeptAndContinuedNotRaisedAgain()
    {
        using var dir = new TempDirectory();
        await RestartScenarioAsync(dir.DatabasePath, null);
    }

    [Fact]
    public async Task Restart_Postgres_AlarmsKeptAndContinuedNotRaisedAgain()
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
        string id;
        await using (var first = await AlarmHost.StartAsync(databasePath, settings, 1, "wm-leak"))
        {
            await first.PostHoursAsync("wm-leak", 1, AlarmsApiTests.T0, 5_000, AlarmsApiTests.LeakDay);
            await first.RecomputeAsync();
            id = Assert.Single(await first.AlarmsAsync("wm-leak", "continuous-leak")).Id;
            await AlarmHost.ReadAsync(await first.CommandAsync(id, "acknowledge", """{"operator":"tanaka"}"""));
        }

        // A new process: the registry and the alarms come from the store; batch sequences go on.
        await using var second = await AlarmHost.StartAsync(databasePath, settings, 100);
        var kept = Assert.Single(await second.AlarmsAsync("wm-leak", "continuous-leak"));
        Assert.Equal((id, "open", true, 0.003m), (kept.Id, kept.State, kept.Acknowledged, kept.ValueM3));

        // One more leaking hour (3 l): the same alarm, confirmed, never raised again.
        second.App.Time.Advance(TimeSpan.FromHours(1));
        await second.PostHoursAsync("wm-leak", 100, Support.IngestAppFactory.Start, 5_000 + AlarmsApiTests.LeakDay.Sum(), [3]);
        await second.RecomputeAsync();

        var continued = Assert.Single(await second.AlarmsAsync("wm-leak", "continuous-leak"));
        Assert.Equal((id, "open", Support.IngestAppFactory.Start.AddHours(1)), (continued.Id, continued.State, continued.ConfirmedUntil));
        Assert.Equal(["raised", "acknowledged", "confirmed"], (await second.GetAsync(id)).History!.Select(c => c.Kind));
    }
}
