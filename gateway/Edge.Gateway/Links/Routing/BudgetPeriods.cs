namespace Edge.Gateway.Links.Routing;

/// <summary>Where the budget day and month begin, in a time zone (midnight and the first of the month, local time).</summary>
internal sealed class BudgetPeriods(TimeZoneInfo zone)
{
    /// <summary>The zone the periods are counted in.</summary>
    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>Start of the local day that contains <paramref name="now"/>, as an instant.</summary>
    public DateTimeOffset DayStart(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Zone);
        return Start(local.Year, local.Month, local.Day);
    }

    /// <summary>Start of the local month that contains <paramref name="now"/>, as an instant.</summary>
    public DateTimeOffset MonthStart(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Zone);
        return Start(local.Year, local.Month, 1);
    }

    /// <summary>The zone for an IANA (or Windows) id; "UTC" and "" are UTC.</summary>
    /// <exception cref="TimeZoneNotFoundException">The id is unknown.</exception>
    public static TimeZoneInfo FindZone(string id) =>
        string.IsNullOrEmpty(id) || id.Equals("UTC", StringComparison.OrdinalIgnoreCase) ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(id);

    private DateTimeOffset Start(int year, int month, int day)
    {
        var midnight = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);

        // A midnight skipped by a daylight-saving change starts the day at the first valid local time.
        while (Zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }

        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }
}
