using Edge.Ingest.Analytics;
using Edge.Ingest.Analytics.Alarms;
using Edge.Ingest.Consumption;
using Edge.Ingest.Normalisation;

namespace Edge.Ingest.Tests.Analytics.Alarms;

public sealed class AlarmBookTests
{
    private static readonly MeterAlarmOptions Options = new();
    private static readonly AlarmKind[] AllHourly = [.. Enum.GetValues<AlarmKind>()];

    private static IReadOnlyList<AlarmChange> Recompute(AlarmBook book, MeterSeries series) =>
        book.Apply(series.MeterId, AllHourly, new HourWindow(series.From, series.To),
            MeterAlarmRules.Evaluate(series, Options, TokyoTime.Zone, occupied: false));

    [Fact]
    public void Apply_LeakSeries_RaisedOnceAndSameEpisodesAgainChangeNothing()
    {
        var book = new AlarmBook();
        var series = Series.Litres(Series.Day1, Series.Repeat(3, 24));

        var first = Recompute(book, series);
        var again = Recompute(book, series);

        var raised = Assert.Single(first);
        Assert.Equal((AlarmChangeKind.Raised, AlarmKind.ContinuousLeak, Series.Day1), (raised.Kind, raised.Key.Kind, raised.Key.Start));
        Assert.Equal(new HourWindow(Series.Day1, Series.Local(2, 0)), raised.Evidence);
        Assert.Empty(again);
    }

    [Fact]
    public void Apply_LateHourFillsGapBeforeRaise_NotRaisedAgain()
    {
        // 30 hours of 3 l with hour 5 missing: the leak is found from hour 6 (raised at the end of hour 29).
        var litres = Series.Repeat(3, 30);
        litres[5] = null;
        var book = new AlarmBook();
        var before = Recompute(book, Series.Litres(Series.Day1, litres));
        Assert.Equal(Series.Local(1, 6), Assert.Single(before).Key.Start);

        // Hour 5 arrives late: recomputed, the leak starts at hour 0, the same alarm; nothing new is raised.
        var after = Recompute(book, Series.Litres(Series.Day1, Series.Repeat(3, 30)));

        Assert.DoesNotContain(after, c => c.Kind == AlarmChangeKind.Raised);
        var alarm = Assert.Single(book.Alarms);
        Assert.Equal(Series.Local(1, 6), alarm.Key.Start);
        Assert.True(alarm.IsOpen);
    }

    [Fact]
    public void Apply_LaterHoursConfirmThenZeroHourClears_KeepsEvidence()
    {
        var book = new AlarmBook();
        Recompute(book, Series.Litres(Series.Day1, Series.Repeat(3, 24)));

        var confirmed = Recompute(book, Series.Litres(Series.Day1, Series.Repeat(3, 26)));
        var cleared = Recompute(book, Series.Litres(Series.Day1, Series.Concat(Series.Repeat(3, 26), [0])));

        // Hours 24-25 confirm; hour 26 (day 2, 02:00-03:00) clears.
        Assert.Equal(new HourWindow(Series.Local(2, 0), Series.Local(2, 2)), Assert.Single(confirmed).Evidence);
        var clear = Assert.Single(cleared);
        Assert.Equal((AlarmChangeKind.Cleared, new HourWindow(Series.Local(2, 2), Series.Local(2, 3))), (clear.Kind, clear.Evidence));
        Assert.Equal([AlarmChangeKind.Raised, AlarmChangeKind.Confirmed, AlarmChangeKind.Cleared],
            Assert.Single(book.Alarms).History.Select(h => h.Kind));
    }

    [Fact]
    public void Apply_NewLeakAfterClear_NewAlarm()
    {
        var book = new AlarmBook();
        Recompute(book, Series.Litres(Series.Day1, Series.Concat(Series.Repeat(3, 24), [0], Series.Repeat(3, 24))));

        // One leak from day 1 00:00 cleared at hour 24, a second from hour 25 (day 2, 01:00).
        Assert.Equal([Series.Day1, Series.Local(2, 1)], book.Alarms.Select(a => a.Key.Start).Order());
    }

    [Fact]
    public void Apply_CorrectedHourShowsZero_AlarmWithdrawn()
    {
        var book = new AlarmBook();
        Recompute(book, Series.Litres(Series.Day1, Series.Repeat(3, 24)));
        var corrected = Series.Repeat(3, 24);
        corrected[3] = 0;

        var change = Assert.Single(Recompute(book, Series.Litres(Series.Day1, corrected)));

        Assert.Equal(AlarmChangeKind.Cleared, change.Kind);
        Assert.StartsWith("Withdrawn", change.Detail, StringComparison.Ordinal);
        Assert.False(Assert.Single(book.Alarms).IsOpen);
    }

    [Fact]
    public void Apply_WithdrawnThenShownAgain_ReopenedNotRaised()
    {
        var book = new AlarmBook();
        var leak = Series.Litres(Series.Day1, Series.Repeat(3, 24));
        var corrected = Series.Repeat(3, 24);
        corrected[3] = 0;
        Recompute(book, leak);
        Recompute(book, Series.Litres(Series.Day1, corrected));

        var changes = Recompute(book, leak);

        Assert.Equal(AlarmChangeKind.Confirmed, Assert.Single(changes).Kind);
        Assert.True(Assert.Single(book.Alarms).IsOpen);
    }

    [Fact]
    public void Tamper_OnlyOperatorClears_AndLaterTamperIsNewAlarm()
    {
        var book = new AlarmBook();
        // Daytime hours from 08:00 local, so that no night rule joins in.
        var tampered = Series.With(Series.Litres(Series.Local(1, 8), 5, 5, 5, 5), 1, new MeterHour(default, 0.005m, ReadingQuality.Good, MeterFlagBits.Tamper));
        Recompute(book, tampered);
        var key = Assert.Single(book.Alarms).Key;
        Assert.True(book.Find(key)!.IsOpen);

        var operatorAt = Series.Local(1, 14);
        Assert.Equal(AlarmCommandResult.Done, book.ClearByOperator(key, "op-1", operatorAt, out var change));
        Assert.Equal(AlarmCommandResult.AlreadyDone, book.ClearByOperator(key, "op-1", operatorAt, out _));
        Assert.Equal(("op-1", AlarmChangeKind.Cleared), (change!.Operator, change.Kind));

        // The same data again does not re-raise; a new tamper at 16:00, after the operator's clear, is a new alarm.
        Assert.Empty(Recompute(book, tampered));
        var later = Series.With(Series.Litres(Series.Local(1, 8), Series.Repeat(5, 10)), 1, new MeterHour(default, 0.005m, ReadingQuality.Good, MeterFlagBits.Tamper));
        later = Series.With(later, 8, new MeterHour(default, 0.005m, ReadingQuality.Good, MeterFlagBits.Tamper));
        var raised = Assert.Single(Recompute(book, later));
        Assert.Equal((AlarmChangeKind.Raised, Series.Local(1, 16)), (raised.Kind, raised.Key.Start));
    }

    [Fact]
    public void Acknowledge_OnceThenAgainThenUnknown()
    {
        var book = new AlarmBook();
        Recompute(book, Series.Litres(Series.Day1, 2600));
        var key = Assert.Single(book.Alarms).Key;

        Assert.Equal(AlarmCommandResult.Done, book.Acknowledge(key, "op-1", Series.Local(1, 2), out var change));
        Assert.Equal(AlarmCommandResult.AlreadyDone, book.Acknowledge(key, "op-1", Series.Local(1, 3), out _));
        Assert.Equal(AlarmCommandResult.NotFound, book.Acknowledge(key with { SubjectId = "wm-x" }, "op-1", Series.Local(1, 3), out _));
        Assert.Equal(AlarmChangeKind.Acknowledged, change!.Kind);
        Assert.True(book.Find(key)!.Acknowledged);
        Assert.True(book.Find(key)!.IsOpen);
    }

    [Fact]
    public void Apply_EpisodeOfAnotherMeter_ClearErrorAndNothingChanged()
    {
        var book = new AlarmBook();
        var episodes = MeterAlarmRules.Evaluate(Series.Of("wm-2", "13101", Series.Day1, 2600), Options, TokyoTime.Zone, false);

        Assert.Throws<ArgumentException>(() => book.Apply("wm-1", AllHourly, new HourWindow(Series.Day1, Series.Local(1, 1)), episodes));
        Assert.Empty(book.Alarms);
    }
}
