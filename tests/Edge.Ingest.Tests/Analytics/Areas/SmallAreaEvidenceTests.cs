using Edge.Ingest.Analytics;
using Edge.Ingest.Analytics.Areas;
using Edge.Ingest.Consumption;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Edge.Ingest.Tests.Analytics.Areas;

/// <summary>
/// A small area at night (the demo's false "suspected outage" in an area of 8 meters): an hour that looks like an outage
/// is judged only with at least <see cref="AreaStatusOptions.MinNormallyActiveMeters"/> (5) normally active meters and a
/// baseline of at least <see cref="AreaStatusOptions.MinBaselineVolumeM3"/> (0.05 m³); below either the status stays,
/// confidence scaled by the smaller share of evidence. Every figure below is worked out by hand.
/// </summary>
public sealed class SmallAreaEvidenceTests
{
    private static readonly AreaMeters Eight = new("small-1", [.. Enumerable.Range(0, 8).Select(i => $"wm-{i}")]);

    // 03:00 and 14:00 local on day 1, each followed by two more hours.
    private static readonly DateTimeOffset Night = Series.Local(1, 3);
    private static readonly DateTimeOffset Afternoon = Series.Local(1, 14);

    // Every slot: the first `active` meters normally active, the area's median volume `medianM3`.
    private static AreaBaseline Baseline(decimal medianM3, int active = 8)
    {
        var baseline = new AreaBaseline(Eight);
        var flags = Enumerable.Range(0, 8).Select(i => i < active).ToArray();
        for (var slot = 0; slot < HourOfWeek.Count; slot++)
        {
            baseline.Set(slot, medianM3, flags);
        }

        return baseline;
    }

    private static AreaHour[] Zeros(DateTimeOffset from) =>
        [.. Enumerable.Range(0, 3).Select(h => new AreaHour(from.AddHours(h), [.. Enumerable.Repeat((decimal?)0m, 8)]))];

    [Fact]
    public void Step_EightActiveAtNightAllZero_NoOutageLowConfidence()
    {
        // The night baseline: 8 meters × 2 l = 0.016 m³. Three hours of zeros from all 8 would be an outage by the
        // issue's shares (8/8 ≥ 0.8, 0 ≤ 0.2 × 0.016) but 0.016 < 0.05 m³: evidence min(8/5 → 1, 0.016/0.05 = 0.32)
        // = 0.32, confidence 8/8 reporting × 0.32 = 0.32, status stays normal.
        var statuses = AreaStatusEngine.Evaluate(Baseline(0.016m), Zeros(Night), new AreaStatusOptions(), TokyoTime.Zone);

        Assert.All(statuses, s => Assert.Equal((AreaStatusKind.Normal, 0.32m, 0), (s.Status, s.Confidence, s.HouseholdsWithoutWater)));
        Assert.Contains("Too little evidence to declare an outage", statuses[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_EightActiveAfternoonAllZero_OutageAfterTwoHours()
    {
        // The afternoon baseline: 8 × 25 l = 0.2 m³ ≥ 0.05 and 8 ≥ 5 active: enough evidence, the rule holds.
        var statuses = AreaStatusEngine.Evaluate(Baseline(0.2m), Zeros(Afternoon), new AreaStatusOptions(), TokyoTime.Zone);

        Assert.Equal(AreaStatusKind.Normal, statuses[0].Status);
        Assert.Equal((AreaStatusKind.SuspectedOutage, Afternoon, 8, 1m), (statuses[1].Status, statuses[1].Since, statuses[1].OutageMeters, statuses[1].Confidence));
        Assert.DoesNotContain("Too little evidence", statuses[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_ThreeActiveOfEight_NoOutageConfidenceSixTenths()
    {
        // 3 normally active (< 5), baseline 0.3 m³: evidence min(3/5 = 0.6, 1) = 0.6; confidence 1 × 0.6.
        var statuses = AreaStatusEngine.Evaluate(Baseline(0.3m, active: 3), Zeros(Afternoon), new AreaStatusOptions(), TokyoTime.Zone);

        Assert.All(statuses, s => Assert.Equal((AreaStatusKind.Normal, 0.6m), (s.Status, s.Confidence)));
    }

    [Fact]
    public void Step_AreaOverrideTenActive_EightNotEnoughEvenByDay()
    {
        // Edge:Ingest:Analytics:Areas:small-1:MinNormallyActiveMeters = 10: 8/10 = 0.8 of the evidence; other areas keep 5.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Edge:Ingest:Analytics:Areas:small-1:MinNormallyActiveMeters"] = "10",
            ["Edge:Ingest:Analytics:Areas:small-1:MinBaselineVolumeM3"] = "0.1",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddEdgeAnalytics();
        var options = services.BuildServiceProvider().GetRequiredService<IOptions<AnalyticsOptions>>().Value;

        var statuses = AreaStatusEngine.Evaluate(Baseline(0.2m), Zeros(Afternoon), options.AreaStatusFor("small-1"), TokyoTime.Zone);

        Assert.Equal((10, 0.1m), (options.AreaStatusFor("small-1").MinNormallyActiveMeters, options.AreaStatusFor("small-1").MinBaselineVolumeM3));
        Assert.Equal((5, 0.05m), (options.AreaStatusFor("other").MinNormallyActiveMeters, options.AreaStatusFor("other").MinBaselineVolumeM3));
        Assert.All(statuses, s => Assert.Equal((AreaStatusKind.Normal, 0.8m), (s.Status, s.Confidence)));
    }

    [Fact]
    public void Bind_NegativeMinimum_FailsNamingTheKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Edge:Ingest:Analytics:AreaStatus:MinNormallyActiveMeters"] = "-1",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddEdgeAnalytics();
        var options = services.BuildServiceProvider().GetRequiredService<IOptions<AnalyticsOptions>>();

        var error = Assert.Throws<OptionsValidationException>(() => options.Value);

        Assert.Contains("AreaStatus: MinNormallyActiveMeters and MinBaselineVolumeM3 must not be negative.", error.Failures);
    }
}
