using Edge.Firmware.App;

namespace Edge.Firmware.Tests.App;

public class ReadingScheduleTests
{
    // Times from the calendar, not from the schedule: readings fall on multiples of the interval since the Unix epoch.
    private static long At(int hour, int minute, int second, int ms = 0) =>
        new DateTimeOffset(2026, 7, 29, hour, minute, second, ms, TimeSpan.Zero).ToUnixTimeMilliseconds();

    // One slot on its provisioned interval, scheduled at nowMs.
    private static ReadingSchedule Started(int seconds, long nowMs)
    {
        var schedule = new ReadingSchedule(1);
        schedule.Provision(0, seconds);
        schedule.Set(false, 0, nowMs, false);
        return schedule;
    }

    // Ticks slot 0 at each time in turn: whether its reading was taken.
    private static bool[] Takes(ReadingSchedule schedule, params long[] times) =>
        Array.ConvertAll(times, t => schedule.TakeDue(0, t));

    [Fact]
    public void TakeDue_HourlyStartedJustBeforeTheHour_DueOnTheHourThenNextHour()
    {
        var schedule = Started(3600, At(10, 59, 59, 999));

        Assert.Equal(
            [false, true, false, true, false],
            Takes(schedule, At(10, 59, 59, 999), At(11, 0, 0), At(11, 59, 59, 999), At(12, 0, 0, 500), At(12, 0, 1)));
    }

    [Fact]
    public void Set_FromGateway_EverySlotOnTheGatewayIntervalAndBackOnItsOwnWhenNot()
    {
        var schedule = new ReadingSchedule(2);
        schedule.Provision(0, 600);
        schedule.Provision(1, 3600);

        schedule.Set(true, 120, At(10, 0, 30), false);
        Assert.Equal((120, 120), (schedule.IntervalSeconds(0), schedule.IntervalSeconds(1)));
        Assert.True(schedule.TakeDue(1, At(10, 2, 0)));

        schedule.Set(false, 120, At(10, 3, 0), false);
        Assert.Equal((600, 3600), (schedule.IntervalSeconds(0), schedule.IntervalSeconds(1)));
        Assert.False(schedule.TakeDue(0, At(10, 9, 59)));
        Assert.True(schedule.TakeDue(0, At(10, 10, 0)));
        Assert.False(schedule.TakeDue(1, At(10, 59, 59)));
        Assert.True(schedule.TakeDue(1, At(11, 0, 0)));
    }

    [Fact]
    public void Set_KeepDueWhenAReadingIsDue_ThatReadingIsStillTaken()
    {
        var kept = Started(3600, At(10, 30, 0));
        var moved = Started(3600, At(10, 30, 0));

        // Settings arrive in the tick the 11:00 reading falls due, before it is taken.
        kept.Set(true, 600, At(11, 0, 0, 200), true);
        moved.Set(true, 600, At(11, 0, 0, 200), false);

        Assert.True(kept.TakeDue(0, At(11, 0, 0, 200)));
        Assert.False(moved.TakeDue(0, At(11, 0, 0, 200)));
        Assert.True(moved.TakeDue(0, At(11, 10, 0)));
    }

    [Fact]
    public void Set_KeepDueWhenNothingIsDue_NextReadingOnTheNewInterval()
    {
        var schedule = Started(3600, At(10, 30, 0));

        schedule.Set(true, 600, At(10, 31, 0), true);

        Assert.False(schedule.TakeDue(0, At(10, 39, 59, 999)));
        Assert.True(schedule.TakeDue(0, At(10, 40, 0)));
    }

    [Fact]
    public void TakeDue_IntervalZero_CountsAsOneSecond()
    {
        var schedule = Started(0, At(10, 0, 0, 400));

        Assert.Equal([false, true, false, true], Takes(schedule, At(10, 0, 0, 999), At(10, 0, 1), At(10, 0, 1, 999), At(10, 0, 2)));
    }
}
