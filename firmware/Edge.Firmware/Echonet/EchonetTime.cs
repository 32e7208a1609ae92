namespace Edge.Firmware.Echonet;

/// <summary>
/// Meter-local calendar times (ECHONET dates and times are the meter's local time, JST for Japanese meters)
/// to and from Unix milliseconds, with integer arithmetic only (proleptic Gregorian calendar).
/// </summary>
public static class EchonetTime
{
    /// <summary>Milliseconds per day.</summary>
    public const long DayMs = 86400000L;

    /// <summary>Japan Standard Time, UTC+9, in minutes.</summary>
    public const int JstOffsetMinutes = 540;

    /// <summary>Unix milliseconds of a local date and time at <paramref name="offsetMinutes"/> east of UTC.</summary>
    public static long ToUnixMs(int year, int month, int day, int hour, int minute, int second, int offsetMinutes) =>
        (DaysFromCivil(year, month, day) * DayMs) + (((hour * 3600L) + (minute * 60L) + second) * 1000L) - (offsetMinutes * 60000L);

    /// <summary>Unix milliseconds of local midnight of the day holding <paramref name="unixMs"/>.</summary>
    public static long LocalMidnight(long unixMs, int offsetMinutes)
    {
        var local = unixMs + (offsetMinutes * 60000L);
        var day = local >= 0 ? local / DayMs : ((local + 1) / DayMs) - 1;
        return (day * DayMs) - (offsetMinutes * 60000L);
    }

    /// <summary>Days since 1970-01-01 of a civil date (H. Hinnant's days_from_civil algorithm).</summary>
    public static long DaysFromCivil(int year, int month, int day)
    {
        long y = month <= 2 ? year - 1 : year;
        var era = (y >= 0 ? y : y - 399) / 400;
        var yoe = y - (era * 400);
        var mp = month > 2 ? month - 3 : month + 9;
        var doy = (((153 * mp) + 2) / 5) + day - 1;
        var doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
        return (era * 146097) + doe - 719468;
    }
}
