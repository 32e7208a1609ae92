using Edge.Ingest.Analytics.Areas;
using Edge.Ingest.Consumption;

namespace Edge.Ingest.Tests.Analytics.Areas;

public sealed class AreaStatusEngineTests
{
    // Issue 8's example: 100 meters, 95 normally active (0-94), baseline 2.0 m³ in every hour of the week.
    private static readonly AreaMeters Meters = new("131016-01", [.. Enumerable.Range(0, 100).Select(i => $"wm-{i:000}")]);

    private static AreaBaseline Baseline()
    {
        var baseline = new AreaBaseline(Meters);
        var active = Enumerable.Range(0, 100).Select(i => i < 95).ToArray();
        for (var slot = 0; slot < HourOfWeek.Count; slot++)
        {
            baseline.Set(slot, 2.0m, active);
        }

        return baseline;
    }

    // 85 of the 95 active meters read zero, the other 10 share 0.25 m³ (0.025 each), the 5 inactive read zero.
    private static AreaHour Cut(DateTimeOffset hour, int resumed = 0) => new(hour, [.. Enumerable.Range(0, 100).Select(i =>
        (decimal?)(i < resumed ? 0.01m : i is >= 85 and < 95 ? 0.025m : 0m))]);

    private static AreaHour Normal(DateTimeOffset hour) => new(hour, [.. Enumerable.Range(0, 100).Select(i => (decimal?)(i < 95 ? 0.02m : 0m))]);

    private static AreaHour Silent(DateTimeOffset hour, int silent) => new(hour, [.. Enumerable.Range(0, 100).Select(i => i < silent ? null : (decimal?)0m)]);

    private static readonly DateTimeOffset H0 = Series.Local(1, 10);

    [Fact]
    public void Step_IssueExampleTwoHours_SuspectedOutageWith85Households()
    {
        var statuses = AreaStatusEngine.Evaluate(Baseline(), [Cut(H0), Cut(H0.AddHours(1))], new AreaStatusOptions(), TokyoTime.Zone);

        // 85/95 = 0.895 ≥ 0.8 and 0.25 m³ ≤ 0.2 × 2.0 = 0.4 m³, two consecutive hours: outage from the first hour.
        Assert.Equal(AreaStatusKind.Normal, statuses[0].Status);
        var outage = statuses[1];
        Assert.Equal((AreaStatusKind.SuspectedOutage, H0, 85, 85), (outage.Status, outage.Since, outage.OutageMeters, outage.HouseholdsWithoutWater));
        Assert.Equal(85m / 95m, outage.ZeroFlowRatio);
        Assert.Equal((100, 100, 95, 0.25m), (outage.MetersTotal, outage.MetersReporting, outage.NormallyActive, outage.AreaVolumeM3));
    }

    [Fact]
    public void Step_IssueExampleNextDay60Of85Resume_Restoring()
    {
        // The cut holds for 2 h, then 22 more hours unchanged, then 60 of the 85 outage meters use water next day.
        var hours = Enumerable.Range(0, 24).Select(h => Cut(H0.AddHours(h))).Append(Cut(H0.AddHours(24), resumed: 60));

        var last = AreaStatusEngine.Evaluate(Baseline(), hours, new AreaStatusOptions(), TokyoTime.Zone)[^1];

        // 60/85 = 0.706: at least 0.2 (restoring), below 0.9 (restored); 25 households still without water.
        Assert.Equal((AreaStatusKind.Restoring, H0.AddHours(24), 60, 25), (last.Status, last.Since, last.ResumedMeters, last.HouseholdsWithoutWater));
    }

    [Fact]
    public void Step_90PercentResumedForTwoHours_Restored()
    {
        // 77/85 = 0.906 ≥ 0.9 for two hours; 76/85 = 0.894 would not do.
        var engine = new AreaStatusEngine(Baseline(), new AreaStatusOptions(), TokyoTime.Zone);
        engine.Step(Cut(H0));
        engine.Step(Cut(H0.AddHours(1)));
        Assert.Equal(AreaStatusKind.Restoring, engine.Step(Cut(H0.AddHours(2), resumed: 76)).Status);
        Assert.Equal(AreaStatusKind.Restoring, engine.Step(Cut(H0.AddHours(3), resumed: 77)).Status);
        var restored = engine.Step(Cut(H0.AddHours(4), resumed: 77));

        Assert.Equal((AreaStatusKind.Restored, H0.AddHours(3), 0), (restored.Status, restored.Since, restored.HouseholdsWithoutWater));
    }

    [Fact]
    public void Step_OneHourOnly_NormalUnlessDisasterMode()
    {
        var hours = new[] { Cut(H0), Normal(H0.AddHours(1)), Cut(H0.AddHours(2)), Normal(H0.AddHours(3)) };

        var ordinary = AreaStatusEngine.Evaluate(Baseline(), hours, new AreaStatusOptions(), TokyoTime.Zone);
        var disaster = AreaStatusEngine.Evaluate(Baseline(), hours, new AreaStatusOptions { DisasterMode = true }, TokyoTime.Zone);

        Assert.All(ordinary, s => Assert.Equal(AreaStatusKind.Normal, s.Status));
        Assert.Equal((AreaStatusKind.SuspectedOutage, H0), (disaster[0].Status, disaster[0].Since));
    }

    [Fact]
    public void Step_HalfTheMetersSilent_CommunicationsLostNeverOutage()
    {
        // 50 of 100 silent (≥ 50 %), the rest read zero for three hours.
        var statuses = AreaStatusEngine.Evaluate(Baseline(), [Silent(H0, 50), Silent(H0.AddHours(1), 50), Silent(H0.AddHours(2), 50)],
            new AreaStatusOptions(), TokyoTime.Zone);

        Assert.All(statuses, s => Assert.Equal(AreaStatusKind.CommunicationsLost, s.Status));
        Assert.Equal((H0, 0.5m), (statuses[^1].Since, statuses[^1].Confidence));
    }

    [Fact]
    public void Step_49SilentRestZero_SilentAreNotZero()
    {
        // 49 silent: 46 of the 95 active meters report zero, 46/95 = 0.48 < 0.8, so no outage either.
        var statuses = AreaStatusEngine.Evaluate(Baseline(), [Silent(H0, 49), Silent(H0.AddHours(1), 49)], new AreaStatusOptions(), TokyoTime.Zone);

        Assert.All(statuses, s => Assert.Equal(AreaStatusKind.Normal, s.Status));
    }

    [Fact]
    public void Step_HoleBetweenHours_RunRestarts()
    {
        var statuses = AreaStatusEngine.Evaluate(Baseline(), [Cut(H0), Cut(H0.AddHours(2))], new AreaStatusOptions(), TokyoTime.Zone);

        Assert.Equal(AreaStatusKind.Normal, statuses[1].Status);
    }

    [Fact]
    public void Step_BadHours_ClearError()
    {
        var engine = new AreaStatusEngine(Baseline(), new AreaStatusOptions(), TokyoTime.Zone);
        engine.Step(Normal(H0));

        Assert.Throws<ArgumentException>(() => engine.Step(Normal(H0)));
        Assert.Throws<ArgumentException>(() => engine.Step(new AreaHour(H0.AddHours(1), [1m])));
        Assert.Equal(AreaStatusKind.Normal, engine.Step(Normal(H0.AddHours(1))).Status);
    }

    [Fact]
    public void Step_HouseholdsPerMeter_ScalesEstimate()
    {
        var options = new AreaStatusOptions { HouseholdsPerMeter = 2.5m };

        var outage = AreaStatusEngine.Evaluate(Baseline(), [Cut(H0), Cut(H0.AddHours(1))], options, TokyoTime.Zone)[^1];

        // 85 meters × 2.5 = 212.5, rounded half away from zero: 213.
        Assert.Equal(213, outage.HouseholdsWithoutWater);
    }

    [Fact]
    public void Evaluate_LateHoursBackfilled_RecomputedToOutage()
    {
        // First pass: 60 meters' hours not arrived yet (silent): communications lost, not an outage.
        var early = AreaStatusEngine.Evaluate(Baseline(), [Silent(H0, 60), Silent(H0.AddHours(1), 60)], new AreaStatusOptions(), TokyoTime.Zone);
        Assert.Equal(AreaStatusKind.CommunicationsLost, early[^1].Status);

        // The late hours arrive and the window is recomputed from a fresh engine: the issue's cut, suspected outage;
        // recomputing the same hours again gives the same answer.
        AreaHour[] backfilled = [Cut(H0), Cut(H0.AddHours(1))];
        var late = AreaStatusEngine.Evaluate(Baseline(), backfilled, new AreaStatusOptions(), TokyoTime.Zone);
        var again = AreaStatusEngine.Evaluate(Baseline(), backfilled, new AreaStatusOptions(), TokyoTime.Zone);

        Assert.Equal((AreaStatusKind.SuspectedOutage, H0), (late[^1].Status, late[^1].Since));
        Assert.Equal(late, again);
    }
}
