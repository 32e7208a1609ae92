using Edge.Ingest.Consumption;
using Edge.Ingest.Registry;

namespace Edge.Ingest.Tests.Registry;

public sealed class WelfareEnrolmentTests
{
    [Theory]
    [InlineData(23, 0, true)]
    [InlineData(5, 59, true)]
    [InlineData(6, 0, false)]   // end is exclusive
    [InlineData(22, 0, true)]   // start is inclusive
    [InlineData(12, 0, false)]
    public void Contains_WindowAcrossMidnight_22To06(int hour, int minute, bool expected)
    {
        var night = new DailyWindow(new TimeOnly(22, 0), new TimeOnly(6, 0));

        Assert.Equal(expected, night.Contains(new TimeOnly(hour, minute)));
    }

    [Fact]
    public void Contains_DaytimeWindow_OnlyInside()
    {
        var work = new DailyWindow(new TimeOnly(9, 0), new TimeOnly(17, 0));

        Assert.True(work.Contains(new TimeOnly(9, 0)));
        Assert.False(work.Contains(new TimeOnly(17, 0)));
        Assert.False(work.Contains(new TimeOnly(8, 59)));
    }

    [Fact]
    public void IsPausedAt_UtcInstantInsideLocalSleep_True()
    {
        // 14:00 UTC is 23:00 JST (UTC+9): inside 22:00-06:00 local.
        var paused = Registrations.Enrolled().IsPausedAt(new DateTimeOffset(2026, 6, 1, 14, 0, 0, TimeSpan.Zero), TokyoTime.Zone);

        Assert.True(paused);
    }

    [Fact]
    public void IsPausedAt_LocalNoonNotAway_False()
    {
        // 03:00 UTC is 12:00 JST.
        Assert.False(Registrations.Enrolled().IsPausedAt(new DateTimeOffset(2026, 6, 1, 3, 0, 0, TimeSpan.Zero), TokyoTime.Zone));
    }

    [Fact]
    public void IsPausedAt_InsideAwayPeriod_True()
    {
        var away = new AwayPeriod(
            new DateTimeOffset(2026, 8, 12, 0, 0, 0, TimeSpan.FromHours(9)), new DateTimeOffset(2026, 8, 16, 0, 0, 0, TimeSpan.FromHours(9)));
        var enrolment = Registrations.Enrolled() with { AwayPeriods = [away] };

        Assert.True(enrolment.IsPausedAt(new DateTimeOffset(2026, 8, 13, 3, 0, 0, TimeSpan.Zero), TokyoTime.Zone));
        Assert.False(enrolment.IsPausedAt(new DateTimeOffset(2026, 8, 16, 3, 0, 0, TimeSpan.Zero), TokyoTime.Zone)); // 16th 12:00 JST, back home
    }
}
