namespace Edge.Ingest.Analytics.Areas;

/// <summary>Hour of the local week, 0 (Sunday 00:00) to 167 (Saturday 23:00): the baseline's slot.</summary>
public static class HourOfWeek
{
    /// <summary>Slots in a week.</summary>
    public const int Count = 168;

    /// <summary>The slot of the hour starting at <paramref name="start"/> in <paramref name="zone"/>.</summary>
    public static int Of(DateTimeOffset start, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(start, zone);
        return ((int)local.DayOfWeek * 24) + local.Hour;
    }
}
