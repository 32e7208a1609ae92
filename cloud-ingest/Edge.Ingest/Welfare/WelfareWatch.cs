using System.Globalization;
using Edge.Ingest.Consumption;
using Edge.Ingest.Registry;

namespace Edge.Ingest.Welfare;

/// <summary>
/// Welfare watch (福祉 見守り, DESIGN.md "Who uses it"): alert when an enrolled household uses no water for longer
/// than its deadline. Time asleep (daily local windows) and announced absences do not count towards the deadline,
/// so a household that sleeps eight hours is not alerted at night.
/// </summary>
public static class WelfareWatch
{
    /// <summary>Smallest hourly volume that counts as use: 1 l, above a meter's register jitter.</summary>
    public const decimal DefaultUseThresholdM3 = 0.001m;

    /// <summary>The end of the latest interval whose volume reached <paramref name="thresholdM3"/>, or null.</summary>
    public static DateTimeOffset? LastUse(IEnumerable<ConsumptionInterval> intervals, decimal thresholdM3 = DefaultUseThresholdM3)
    {
        ArgumentNullException.ThrowIfNull(intervals);
        // The end is the latest moment the use can have happened, so an alert is never raised early.
        return intervals.Where(i => i.VolumeM3 >= thresholdM3).Select(i => (DateTimeOffset?)i.End).Max();
    }

    /// <summary>Evaluates the watch of <paramref name="meter"/> at <paramref name="now"/>.</summary>
    public static WelfareWatchResult Evaluate(DeviceRegistration meter, DateTimeOffset? lastUse, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(meter);
        if (meter.Welfare is not { Enrolled: true } enrolment)
        {
            return new WelfareWatchResult(WelfareWatchStatus.NotEnrolled, TimeSpan.Zero, "The household is not enrolled.");
        }

        if (lastUse is not { } since)
        {
            return new WelfareWatchResult(WelfareWatchStatus.NoData, TimeSpan.Zero, "No water use is known for this household yet.");
        }

        var watched = WatchedTime(enrolment, since, now, zone);
        return watched > enrolment.NoUseAlertAfter
            ? new WelfareWatchResult(WelfareWatchStatus.Alert, watched, string.Create(CultureInfo.InvariantCulture,
                $"No water use for {watched.TotalHours:0.#} h while awake and at home (deadline {enrolment.NoUseAlertAfter.TotalHours:0.#} h)."))
            : new WelfareWatchResult(WelfareWatchStatus.Ok, watched, null);
    }

    /// <summary>The time between <paramref name="from"/> and <paramref name="to"/> outside sleep windows and away periods.</summary>
    public static TimeSpan WatchedTime(WelfareEnrolment enrolment, DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        ArgumentNullException.ThrowIfNull(zone);
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        // Cut the span at every window edge and period edge; each piece is then wholly paused or wholly watched.
        var cuts = new SortedSet<DateTimeOffset> { from, to };
        var firstDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, zone).DateTime).AddDays(-1);
        var lastDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(to, zone).DateTime);
        for (var day = firstDay; day <= lastDay; day = day.AddDays(1))
        {
            foreach (var window in enrolment.SleepWindows)
            {
                AddLocal(cuts, day, window.Start, zone, from, to);
                AddLocal(cuts, day, window.End, zone, from, to);
            }
        }

        foreach (var period in enrolment.AwayPeriods)
        {
            AddInside(cuts, period.From, from, to);
            AddInside(cuts, period.To, from, to);
        }

        var watched = TimeSpan.Zero;
        DateTimeOffset? previous = null;
        foreach (var cut in cuts)
        {
            if (previous is { } start && !enrolment.IsPausedAt(start, zone))
            {
                watched += cut - start;
            }

            previous = cut;
        }

        return watched;
    }

    private static void AddLocal(SortedSet<DateTimeOffset> cuts, DateOnly day, TimeOnly time, TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (!zone.IsInvalidTime(local))
        {
            AddInside(cuts, new DateTimeOffset(local, zone.GetUtcOffset(local)), from, to);
        }
    }

    private static void AddInside(SortedSet<DateTimeOffset> cuts, DateTimeOffset at, DateTimeOffset from, DateTimeOffset to)
    {
        if (at > from && at < to)
        {
            cuts.Add(at);
        }
    }
}
