using Edge.Ingest.Storage;

namespace Edge.Ingest.Tests.Storage;

/// <summary>Alarms and their changes, on every store.</summary>
public abstract partial class IngestStoreContract
{
    private static readonly StoredAlarmChange _raised = new(0, "raised", 1_000, 87_401_000, "No zero hour in 24 h; leak rate 3 l/h.", 0.003m, null, 90_000_000);

    private static readonly StoredAlarm _leak = new(
        "0123456789abcdef0123456789abcdef", "wm-1", "continuous-leak", 1_000, "13101", "wm-1", false, 87_401_000, null, null,
        false, "No zero hour in 24 h; leak rate 3 l/h.", 0.003m, 90_000_000, [_raised]);

    private static readonly StoredAlarmChange[] _noChanges = [];

    private IAlarmStore Alarms => (IAlarmStore)Store;

    [Fact]
    public async Task LoadAlarmsAsync_NothingStored_Empty()
    {
        Assert.Empty(await Alarms.LoadAlarmsAsync(default));
    }

    [Fact]
    public async Task SaveAlarmsAsync_ThenLoad_StateAndChangesExactlyAsSaved()
    {
        var area = _leak with
        {
            Id = "fedcba9876543210fedcba9876543210", SubjectId = "13101", Kind = "suspected-pressure-loss", MeterId = null,
            ValueM3 = null, Latching = true, OperatorClearedUnixMs = 95_000_000, Acknowledged = true,
            History = [_raised with { ValueM3 = null }, _raised with { Ordinal = 1, Kind = "cleared", Operator = "sato", AtUnixMs = 95_000_000 }],
        };

        await Alarms.SaveAlarmsAsync([_leak, area], default);
        var loaded = await Alarms.LoadAlarmsAsync(default);

        Assert.Equal(2, loaded.Count);
        AssertSame(_leak, loaded.Single(a => a.Id == _leak.Id));
        AssertSame(area, loaded.Single(a => a.Id == area.Id));
    }

    [Fact]
    public async Task SaveAlarmsAsync_StateReplacedChangesAppendedKnownOrdinalKept()
    {
        await Alarms.SaveAlarmsAsync([_leak], default);
        var cleared = new StoredAlarmChange(1, "cleared", 87_401_000, 91_001_000, "One zero hour.", 0.003m, null, 91_500_000);

        // The state moves on; ordinal 0 sent again with other text must not replace the stored change.
        await Alarms.SaveAlarmsAsync([_leak with
        {
            ClearedUnixMs = 87_401_000, UpdatedUnixMs = 91_500_000, Detail = "One zero hour.",
            History = [_raised with { Detail = "changed" }, cleared],
        }], default);
        var loaded = Assert.Single(await Alarms.LoadAlarmsAsync(default));

        Assert.Equal((87_401_000L, 91_500_000L, "One zero hour."), (loaded.ClearedUnixMs, loaded.UpdatedUnixMs, loaded.Detail));
        Assert.Equal([_raised, cleared], loaded.History);
    }

    [Fact]
    public async Task AlarmTables_SecondStoreOnTheSameDatabase_SeesTheAlarm()
    {
        await Alarms.SaveAlarmsAsync([_leak], default);

        var reopened = (IAlarmStore)OpenStore();

        AssertSame(_leak, Assert.Single(await reopened.LoadAlarmsAsync(default)));
    }

    private static void AssertSame(StoredAlarm expected, StoredAlarm actual)
    {
        Assert.Equal(expected with { History = _noChanges }, actual with { History = _noChanges });
        Assert.Equal(expected.History, actual.History);
    }
}
