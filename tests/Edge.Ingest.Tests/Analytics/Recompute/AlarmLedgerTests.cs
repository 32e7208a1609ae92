using Edge.Ingest.Analytics;
using Edge.Ingest.Analytics.Alarms;
using Edge.Ingest.Analytics.Recompute;
using Edge.Ingest.Analytics.Stream;
using Edge.Ingest.Storage;
using Edge.Ingest.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Edge.Ingest.Tests.Analytics.Recompute;

/// <summary>The ledger on a real SQLite store: nothing is shown or published that the store did not take.</summary>
public sealed class AlarmLedgerTests
{
    private static readonly DateTimeOffset _t0 = new(2025, 5, 31, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ApplyAsync_StoreRefusesTheSave_ThrowsAndTheBookIsWhatTheStoreHolds()
    {
        using var dir = new TempDirectory();
        using var sqlite = TestStore.Create(dir.DatabasePath);
        var store = new RefusingStore(sqlite);
        var hub = new AnalyticsEventHub();
        using var subscription = hub.Subscribe();
        var ledger = new AlarmLedger(store, hub, new FakeTimeProvider(_t0.AddDays(1)), NullLogger<AlarmLedger>.Instance);
        var first = Burst(_t0.AddHours(3));
        await ledger.ApplyAsync(book => book.Apply("wm-1", [AlarmKind.Burst], Window(), [first]), _ => ("13101", "wm-1"), default);

        // Raised and cleared: two changes, two events.
        Assert.Equal(2, Drain(subscription));

        store.Refuse = true;
        await Assert.ThrowsAsync<IOException>(() => ledger.ApplyAsync(
            book => book.Apply("wm-1", [AlarmKind.Burst], Window(), [first, Burst(_t0.AddHours(9))]), _ => ("13101", "wm-1"), default));

        var held = Assert.Single(await ledger.SnapshotAsync(default));
        Assert.Equal(_t0.AddHours(3), held.Alarm.Key.Start);
        Assert.Equal(AlarmLedger.IdOf(first.Key()), held.Id);
        Assert.Single(await sqlite.LoadAlarmsAsync(default));
        Assert.Equal(0, Drain(subscription));
    }

    private static int Drain(AnalyticsEventHub.Subscription subscription)
    {
        var count = 0;
        while (subscription.Events.TryRead(out _))
        {
            count++;
        }

        return count;
    }

    private static HourWindow Window() => new(_t0, _t0.AddDays(1));

    // A 3 m³ hour, above the 2.5 m³/h burst limit of a Q3 2.5 meter, cleared by the next hour.
    private static AlarmEpisode Burst(DateTimeOffset hour) => new(
        "wm-1", AlarmKind.Burst, hour, new HourWindow(hour, hour.AddHours(1)), hour.AddHours(1),
        new HourWindow(hour.AddHours(1), hour.AddHours(2)), "3 m³ in one hour.", 3m);

    private sealed class RefusingStore(IAlarmStore inner) : IAlarmStore
    {
        public bool Refuse { get; set; }

        public Task<IReadOnlyList<StoredAlarm>> LoadAlarmsAsync(CancellationToken cancellationToken) => inner.LoadAlarmsAsync(cancellationToken);

        public Task SaveAlarmsAsync(IReadOnlyList<StoredAlarm> alarms, CancellationToken cancellationToken) =>
            Refuse ? throw new IOException("disk full") : inner.SaveAlarmsAsync(alarms, cancellationToken);
    }
}

internal static class EpisodeKeys
{
    public static AlarmKey Key(this AlarmEpisode episode) => new(episode.SubjectId, episode.Kind, episode.Start);
}
