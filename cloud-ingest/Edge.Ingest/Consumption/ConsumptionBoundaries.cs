namespace Edge.Ingest.Consumption;

/// <summary>
/// Interval boundaries as UTC instants: whole UTC hours, and local midnights for days and months (Asia/Tokyo for
/// Edge's waterworks, whose bills and reports follow the local calendar).
/// </summary>
public static class ConsumptionBoundaries
{
    /// <summary>Every whole hour from <paramref name="from"/> to <paramref name="to"/>, both inclusive.</summary>
    /// <exception cref="ArgumentException">A bound is not a whole hour, or <paramref name="to"/> is before <paramref name="from"/>.</exception>
    public static IReadOnlyList<DateTimeOffset> Hourly(DateTimeOffset from, DateTimeOffset to)
    {
        if (from.UtcTicks % TimeSpan.TicksPerHour != 0 || to.UtcTicks % TimeSpan.TicksPerHour != 0 || to < from)
        {
            throw new ArgumentException("Hourly bounds must be whole hours, the first not after the last.", nameof(to));
        }

        var count = (int)((to - from).Ticks / TimeSpan.TicksPerHour) + 1;
        return [.. Enumerable.Range(0, count).Select(h => from.ToUniversalTime().AddHours(h))];
    }

    /// <summary>Local midnights from <paramref name="firstDay"/> to <paramref name="endDay"/> (the end of the last day), inclusive.</summary>
    public static IReadOnlyList<DateTimeOffset> Daily(DateOnly firstDay, DateOnly endDay, TimeZoneInfo zone)
    {
        if (endDay < firstDay)
        {
            throw new ArgumentException("The end day must not be before the first day.", nameof(endDay));
        }

        return [.. Enumerable.Range(0, endDay.DayNumber - firstDay.DayNumber + 1).Select(d => LocalMidnight(firstDay.AddDays(d), zone))];
    }

    /// <summary>Local midnights of the first day of <paramref name="months"/> + 1 consecutive months from <paramref name="firstMonth"/>.</summary>
    public static IReadOnlyList<DateTimeOffset> Monthly(DateOnly firstMonth, int months, TimeZoneInfo zone)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(months);
        var first = new DateOnly(firstMonth.Year, firstMonth.Month, 1);
        return [.. Enumerable.Range(0, months + 1).Select(m => LocalMidnight(first.AddMonths(m), zone))];
    }

    /// <summary>The UTC instant of 00:00 local time on <paramref name="day"/> (the first valid local time if a shift skips midnight).</summary>
    public static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
