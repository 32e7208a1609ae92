using Edge.Ingest.Analytics;
using Edge.Ingest.Analytics.Alarms;

namespace Edge.Ingest.Tests.Analytics.Alarms;

public sealed class CommunicationRuleTests
{
    private static readonly MeterAlarmOptions Options = new();
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(26.0, CommunicationStatus.Ok)]    // late only after 24 h + 2 h
    [InlineData(26.5, CommunicationStatus.Late)]
    [InlineData(72.0, CommunicationStatus.Late)]  // lost only after 3 × 24 h
    [InlineData(72.5, CommunicationStatus.Lost)]
    public void StatusAt_DailyDevice_LateAfter26hLostAfter72h(double hours, CommunicationStatus expected)
    {
        Assert.Equal(expected, CommunicationRule.StatusAt([T0], null, T0.AddHours(hours), Options));
    }

    [Fact]
    public void StatusAt_SixHourDevice_LateAfter8hLostAfter18h()
    {
        var sixHours = TimeSpan.FromHours(6);

        // 6 h + 2 h grace = 8 h; 3 × 6 h = 18 h.
        Assert.Equal(CommunicationStatus.Ok, CommunicationRule.StatusAt([T0], sixHours, T0.AddHours(8), Options));
        Assert.Equal(CommunicationStatus.Late, CommunicationRule.StatusAt([T0], sixHours, T0.AddHours(9), Options));
        Assert.Equal(CommunicationStatus.Lost, CommunicationRule.StatusAt([T0], sixHours, T0.AddHours(19), Options));
        Assert.Equal(CommunicationStatus.Never, CommunicationRule.StatusAt([], sixHours, T0, Options));
    }

    [Fact]
    public void Evaluate_SilenceThenContact_LateEpisodeCleared()
    {
        // Contacts at T0 and T0 + 30 h: late from T0 + 26 h (04:00Z), cleared by the contact at 08:00Z next day.
        var episode = Assert.Single(CommunicationRule.Evaluate("wm-1", [T0, T0.AddHours(30)], null, T0.AddHours(40), Options));

        Assert.Equal(T0.AddHours(26), episode.Start);
        Assert.Equal(new HourWindow(T0.AddHours(30), T0.AddHours(31)), episode.ClearEvidence);
        Assert.Contains("(late:", episode.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_OngoingSilence_LateThenLost()
    {
        var late = Assert.Single(CommunicationRule.Evaluate("wm-1", [T0], null, T0.AddHours(50), Options));
        var lost = Assert.Single(CommunicationRule.Evaluate("wm-1", [T0], null, T0.AddHours(80), Options));

        // Same alarm key (start), the detail escalates.
        Assert.Equal(late.Start, lost.Start);
        Assert.Null(lost.ClearedAt);
        Assert.Contains("(lost:", lost.Detail, StringComparison.Ordinal);
    }
}
