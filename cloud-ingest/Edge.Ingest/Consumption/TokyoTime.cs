namespace Edge.Ingest.Consumption;

/// <summary>
/// The local time of Edge's first home: Asia/Tokyo (JST, UTC+9, no daylight saving since 1951). Taken from the
/// system's tz database when present; otherwise a fixed UTC+9 zone, which gives the same answers for any date Edge
/// will see.
/// </summary>
public static class TokyoTime
{
    /// <summary>IANA id of the zone.</summary>
    public const string ZoneId = "Asia/Tokyo";

    /// <summary>The Asia/Tokyo zone.</summary>
    public static TimeZoneInfo Zone { get; } = Find();

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(ZoneId, TimeSpan.FromHours(9), "Japan Standard Time", "JST");
        }
        catch (InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone(ZoneId, TimeSpan.FromHours(9), "Japan Standard Time", "JST");
        }
    }
}
