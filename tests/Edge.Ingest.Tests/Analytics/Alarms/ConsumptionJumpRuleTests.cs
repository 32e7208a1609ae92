using Edge.Ingest.Analytics.Alarms;
using Edge.Ingest.Consumption;
using Edge.Ingest.Normalisation;

namespace Edge.Ingest.Tests.Analytics.Alarms;

public sealed class ConsumptionJumpRuleTests
{
    private static readonly MeterAlarmOptions Options = new();

    private static MonthlyVolume M(int year, int month, decimal m3, ReadingQuality quality = ReadingQuality.Good) =>
        new(new DateOnly(year, month, 1), m3, quality);

    [Fact]
    public void Evaluate_OverPreviousMonthBy60Percent_JumpClearedNextMonth()
    {
        // Feb 16 m³ = Jan 10 m³ × 1.6 (> 1.5); Mar 14 m³ < Feb × 1.5 = 24 and no March last year: clears.
        var episode = Assert.Single(ConsumptionJumpRule.Evaluate("wm-1", [M(2026, 1, 10), M(2026, 2, 16), M(2026, 3, 14)], Options, TokyoTime.Zone));

        // Feb 2026 starts at local midnight 2026-02-01T00:00+09:00 = 2026-01-31T15:00Z.
        Assert.Equal(new DateTimeOffset(2026, 1, 31, 15, 0, 0, TimeSpan.Zero), episode.Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 15, 0, 0, TimeSpan.Zero), episode.ClearedAt);
        Assert.Equal("16 m³ this month, 60 % above the previous month (10 m³).", episode.Detail);
    }

    [Fact]
    public void Evaluate_Exactly50Percent_NoJump()
    {
        Assert.Empty(ConsumptionJumpRule.Evaluate("wm-1", [M(2026, 1, 10), M(2026, 2, 15)], Options, TokyoTime.Zone));
    }

    [Fact]
    public void Evaluate_OverSameMonthLastYear_Jump()
    {
        // April 16 m³: not above March 20 m³, but 60 % above April 2025's 10 m³.
        var episode = Assert.Single(ConsumptionJumpRule.Evaluate("wm-1", [M(2025, 4, 10), M(2026, 3, 20), M(2026, 4, 16)], Options, TokyoTime.Zone));

        Assert.Contains("the same month last year", episode.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_EstimatedMonth_NeverRaises()
    {
        Assert.Empty(ConsumptionJumpRule.Evaluate("wm-1", [M(2026, 1, 10), M(2026, 2, 30, ReadingQuality.Estimated)], Options, TokyoTime.Zone));
    }

    [Fact]
    public void Evaluate_MonthTwice_ClearError()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            ConsumptionJumpRule.Evaluate("wm-1", [M(2026, 1, 10), M(2026, 1, 11)], Options, TokyoTime.Zone));

        Assert.StartsWith("Meter 'wm-1': the month 2026-01 is given twice.", error.Message, StringComparison.Ordinal);
    }
}
