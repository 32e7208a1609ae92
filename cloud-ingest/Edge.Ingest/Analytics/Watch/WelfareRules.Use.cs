using Edge.Ingest.Analytics.Alarms;
using Edge.Ingest.Welfare;

namespace Edge.Ingest.Analytics.Watch;

public static partial class WelfareRules
{
    /// <summary>
    /// No use: the time from the end of the last hour with at least <see cref="WelfareRuleOptions.UseThresholdM3PerHour"/>
    /// to the end of the latest evidence hour, less sleep and away time (<see cref="WelfareWatch.WatchedTime"/>); an
    /// alert at the household's deadline (8-24 h), escalated at <see cref="WelfareRuleOptions.NoUseEscalateAfter"/>.
    /// Judged up to the latest evidence hour only, so hours not yet arrived never count as no use; with no use in the
    /// whole series, counted from its first evidence hour.
    /// </summary>
    public static IReadOnlyList<WelfareFinding> NoUse(
        WatchedHousehold household, MeterSeries series, CommunicationStatus communication, DateTimeOffset asOf,
        WelfareRuleOptions options, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        DateTimeOffset? lastUse = null;
        DateTimeOffset? firstKnown = null;
        DateTimeOffset? knownUntil = null;
        for (var i = 0; i < series.Count && series[i].End <= asOf; i++)
        {
            var hour = series[i];
            if (!hour.IsEvidence)
            {
                continue;
            }

            firstKnown ??= hour.Start;
            knownUntil = hour.End;
            lastUse = hour.VolumeM3 >= options.UseThresholdM3PerHour ? hour.End : lastUse;
        }

        // No use anywhere in the series: no use since at least its first known hour (the caller's lookback).
        if ((lastUse ?? firstKnown) is not { } since || knownUntil is not { } until)
        {
            return [];
        }

        var watched = WelfareWatch.WatchedTime(household.EffectiveEnrolment, since, until, zone);
        var deadline = NoUseDeadline(household);
        if (watched < deadline)
        {
            return [];
        }

        var kind = watched >= options.NoUseEscalateAfter ? WelfareFindingKind.NoUseEscalated : WelfareFindingKind.NoUse;
        var detail = AnalyticsText.Of(
            $"No water use for {watched.TotalHours:0.#} h while awake and at home (deadline {deadline.TotalHours:0.#} h).");
        return [Alert(household, kind, until, new HourWindow(since, until), detail, communication)];
    }

    /// <summary>
    /// Continuous use: <see cref="WelfareRuleOptions.ContinuousUseHours"/> or more consecutive evidence hours each at or
    /// above <see cref="WelfareRuleOptions.ContinuousUseM3PerHour"/>; one alert per run, when it reaches the length.
    /// </summary>
    public static IReadOnlyList<WelfareFinding> ContinuousUse(
        WatchedHousehold household, MeterSeries series, DateTimeOffset asOf, WelfareRuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(household);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(options);
        var findings = new List<WelfareFinding>();
        var run = 0;
        for (var i = 0; i < series.Count && series[i].End <= asOf; i++)
        {
            var hour = series[i];
            run = hour.IsEvidence && hour.VolumeM3 >= options.ContinuousUseM3PerHour ? run + 1 : 0;
            if (run == options.ContinuousUseHours)
            {
                var from = series[i - run + 1].Start;
                var detail = AnalyticsText.Of($"Water running for {run} h at {AnalyticsText.Litres(options.ContinuousUseM3PerHour)}/h or more.");
                findings.Add(Alert(household, WelfareFindingKind.ContinuousUse, hour.End, new HourWindow(from, hour.End), detail, CommunicationStatus.Ok));
            }
        }

        return findings;
    }
}
