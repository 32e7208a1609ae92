using Edge.Ingest.Storage;

namespace Edge.Ingest.Tests.Storage;

/// <summary>Welfare household settings and welfare events, on every store.</summary>
public abstract partial class IngestStoreContract
{
    private static readonly StoredWelfareEvent _noUse = new(
        "00112233445566778899aabbccddeeff", "hh-1", "no-use", null, 90_000_000, 46_800_000, 90_000_000,
        "No water use for 12 h while awake and at home (deadline 12 h).", 90_100_000, null, null);

    private static readonly StoredWelfareHousehold _settings = new(
        "hh-1", 570, 80_000_000, 95_000_000,
        [new StoredWelfarePeriod(10_000_000, 20_000_000), new StoredWelfarePeriod(30_000_000, 40_000_000)],
        [new StoredWelfarePeriod(50_000_000, 60_000_000)], 95_000_000);

    private static readonly StoredWelfarePeriod[] _noPeriods = [];

    private IWelfareStore Welfare => (IWelfareStore)Store;

    [Fact]
    public async Task LoadWelfare_NothingStored_Empty()
    {
        Assert.Empty(await Welfare.LoadWelfareHouseholdsAsync(default));
        Assert.Empty(await Welfare.LoadWelfareEventsAsync(default));
    }

    [Fact]
    public async Task SaveWelfareHouseholdAsync_ThenLoad_ExactlyAsSaved()
    {
        var plain = new StoredWelfareHousehold("hh-2", null, null, null, [], [], 1_000);

        await Welfare.SaveWelfareHouseholdAsync(_settings, default);
        await Welfare.SaveWelfareHouseholdAsync(plain, default);
        var loaded = await Welfare.LoadWelfareHouseholdsAsync(default);

        Assert.Equal(["hh-1", "hh-2"], loaded.Select(h => h.HouseholdId));
        AssertSame(_settings, loaded[0]);
        AssertSame(plain, loaded[1]);
    }

    [Fact]
    public async Task SaveWelfareHouseholdAsync_Again_SettingsAndPeriodsReplaced()
    {
        await Welfare.SaveWelfareHouseholdAsync(_settings, default);
        var changed = _settings with
        {
            GenkiDeadlineMinutes = null, AwayModeSinceUnixMs = null, Snoozes = [new StoredWelfarePeriod(10_000_000, 15_000_000)],
            AwayPeriods = [new StoredWelfarePeriod(50_000_000, 60_000_000), new StoredWelfarePeriod(95_000_000, 99_000_000)],
            UpdatedUnixMs = 99_000_000,
        };

        await Welfare.SaveWelfareHouseholdAsync(changed, default);

        AssertSame(changed, Assert.Single(await Welfare.LoadWelfareHouseholdsAsync(default)));
    }

    [Fact]
    public async Task AddWelfareEventsAsync_SameIdAgain_KeptAsStoredAndNotCounted()
    {
        var morning = _noUse with { Id = "ffeeddccbbaa99887766554433221100", Kind = "suppressed", HeldKind = "no-morning-use", AtUnixMs = 3_600_000 };

        Assert.Equal(2, await Welfare.AddWelfareEventsAsync([_noUse, morning], default));
        Assert.Equal(0, await Welfare.AddWelfareEventsAsync([_noUse with { Detail = "changed", FirstSeenUnixMs = 1 }], default));

        // Ascending by time: the morning (3,600,000) before the no-use (90,000,000).
        Assert.Equal([morning, _noUse], await Welfare.LoadWelfareEventsAsync(default));
    }

    [Fact]
    public async Task AcknowledgeWelfareEventAsync_TwiceThenUnknown_FirstKeptUnknownFalse()
    {
        await Welfare.AddWelfareEventsAsync([_noUse], default);

        Assert.True(await Welfare.AcknowledgeWelfareEventAsync(_noUse.Id, "suzuki", 91_000_000, default));
        Assert.True(await Welfare.AcknowledgeWelfareEventAsync(_noUse.Id, "sato", 92_000_000, default));
        Assert.False(await Welfare.AcknowledgeWelfareEventAsync("0123456789abcdef0123456789abcdef", "sato", 92_000_000, default));

        var stored = Assert.Single(await Welfare.LoadWelfareEventsAsync(default));
        Assert.Equal(_noUse with { AcknowledgedBy = "suzuki", AcknowledgedUnixMs = 91_000_000 }, stored);
    }

    [Fact]
    public async Task WelfareTables_SecondStoreOnTheSameDatabase_SeesThem()
    {
        await Welfare.SaveWelfareHouseholdAsync(_settings, default);
        await Welfare.AddWelfareEventsAsync([_noUse], default);

        var reopened = (IWelfareStore)OpenStore();

        AssertSame(_settings, Assert.Single(await reopened.LoadWelfareHouseholdsAsync(default)));
        Assert.Equal([_noUse], await reopened.LoadWelfareEventsAsync(default));
    }

    private static void AssertSame(StoredWelfareHousehold expected, StoredWelfareHousehold actual)
    {
        Assert.Equal(expected with { Snoozes = _noPeriods, AwayPeriods = _noPeriods }, actual with { Snoozes = _noPeriods, AwayPeriods = _noPeriods });
        Assert.Equal(expected.Snoozes, actual.Snoozes);
        Assert.Equal(expected.AwayPeriods, actual.AwayPeriods);
    }
}
