using Edge.Ingest.Analytics.Areas;
using Edge.Ingest.Analytics.AreaService;

namespace Edge.Ingest.Tests.Analytics.AreaService;

/// <summary>
/// <see cref="AreaStatusService.Judge"/>: how much history makes a baseline, and how old data turns into
/// "communications lost". Two meters, each using 10 l in every hour it reports.
/// </summary>
public sealed class AreaStatusJudgeTests
{
    private static readonly DateTimeOffset _from = new(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly AreaMeters _meters = new("a-1", ["m-1", "m-2"]);

    [Theory]
    // Window = the last 24 h of 3 weeks; history = the 2 weeks before it. A slot needs MinBaselineWeeks weeks of data.
    [InlineData(2, 2, AreaStatusKind.Normal)]
    [InlineData(1, 2, AreaStatusKind.NoBaseline)]
    [InlineData(1, 1, AreaStatusKind.Normal)]
    public void Judge_WeeksOfHistory_BaselineOnlyWithEnough(int historyWeeks, int minWeeks, AreaStatusKind expected)
    {
        var (boundaries, hours, window) = Hours(totalHours: 24 * 7 * 3, reportFrom: (2 - historyWeeks) * 24 * 7, reportTo: 24 * 7 * 3);

        var snapshot = AreaStatusService.Judge(_meters, boundaries, hours, window, new AreaStatusOptions(),
            new AreaServiceOptions { BaselineWeeks = 2, MinBaselineWeeks = minWeeks, StatusWindowHours = 24 * 7 }, boundaries[^1]);

        Assert.Equal(expected, snapshot!.Status);
    }

    [Fact]
    public void Judge_NewestDataOlderThanStaleAfter_CommunicationsLostSinceItsEnd()
    {
        // Data up to hour index 500 of 504; then the clock is 30 h past the end of the data (StaleAfterHours 26).
        var (boundaries, hours, window) = Hours(totalHours: 24 * 7 * 3, reportFrom: 0, reportTo: 24 * 7 * 3 - 30);

        var snapshot = AreaStatusService.Judge(_meters, boundaries, hours, window, new AreaStatusOptions(),
            new AreaServiceOptions { BaselineWeeks = 2, StatusWindowHours = 24 * 7 }, boundaries[^1]);

        Assert.Equal(AreaStatusKind.CommunicationsLost, snapshot!.Status);
        Assert.Equal(_from.AddHours(24 * 7 * 3 - 30), snapshot.Since);
    }

    [Fact]
    public void Judge_NothingEverReported_Null()
    {
        var (boundaries, hours, window) = Hours(totalHours: 48, reportFrom: 0, reportTo: 0, windowHours: 24);

        Assert.Null(AreaStatusService.Judge(_meters, boundaries, hours, window, new AreaStatusOptions(),
            new AreaServiceOptions { StatusWindowHours = 24 }, boundaries[^1]));
    }

    [Theory]
    [InlineData(AreaStatusKind.Normal, 0.50, 1.0, 0, false)]
    [InlineData(AreaStatusKind.SuspectedOutage, 0.50, 1.0, 0, true)]
    [InlineData(AreaStatusKind.Normal, 0.61, 1.0, 0, true)]
    [InlineData(AreaStatusKind.Normal, 0.55, 0.95, 0, false)]
    [InlineData(AreaStatusKind.Normal, 0.50, 1.0, 1, true)]
    public void Moved_FromAHalfZeroNormalArea_OnlyStatusOrMaterialMoves(AreaStatusKind status, double zero, double confidence, int households, bool expected)
    {
        var before = Snapshot(AreaStatusKind.Normal, 0.5m, 1m, 0);

        Assert.Equal(expected, AreaStatusService.Moved(before, Snapshot(status, (decimal)zero, (decimal)confidence, households), 0.1m));
    }

    private static AreaStatusSnapshot Snapshot(AreaStatusKind status, decimal zero, decimal confidence, int households) =>
        new("a-1", _from, status, _from, 2, 2, 2, zero, 0m, 1m, 0, 0, households, confidence, "");

    private static (IReadOnlyList<DateTimeOffset>, decimal?[][], int) Hours(int totalHours, int reportFrom, int reportTo, int windowHours = 24 * 7)
    {
        var boundaries = Enumerable.Range(0, totalHours + 1).Select(h => _from.AddHours(h)).ToList();
        var hours = Enumerable.Range(0, totalHours)
            .Select(h => h >= reportFrom && h < reportTo ? new decimal?[] { 0.010m, 0.010m } : new decimal?[2]).ToArray();
        return (boundaries, hours, totalHours - windowHours);
    }
}
