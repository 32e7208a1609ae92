namespace Edge.Uplink.Json;

/// <summary>The text names of <see cref="ClockQuality"/> (DESIGN.md, "Data that flows").</summary>
internal static class ClockQualityText
{
    public static string Format(ClockQuality quality) => quality switch
    {
        ClockQuality.Gnss => "gnss",
        ClockQuality.Ntp => "ntp",
        ClockQuality.Gateway => "gateway",
        ClockQuality.RtcUnsynced => "rtc-unsynced",
        _ => throw new ArgumentOutOfRangeException(nameof(quality), quality, "undefined clock quality"),
    };

    public static bool TryParse(string text, out ClockQuality quality)
    {
        (var ok, quality) = text switch
        {
            "gnss" => (true, ClockQuality.Gnss),
            "ntp" => (true, ClockQuality.Ntp),
            "gateway" => (true, ClockQuality.Gateway),
            "rtc-unsynced" => (true, ClockQuality.RtcUnsynced),
            _ => (false, ClockQuality.RtcUnsynced),
        };
        return ok;
    }
}
