using Edge.Uplink;

namespace Edge.Ingest.Normalisation;

/// <summary>Text names of <see cref="ClockQuality"/> as stored and served (DESIGN.md, "Data that flows").</summary>
public static class ClockQualityNames
{
    /// <summary>The name of a clock quality, or <see langword="null"/> for a value the format does not define.</summary>
    public static string? ToName(ClockQuality quality) => quality switch
    {
        ClockQuality.RtcUnsynced => "rtc-unsynced",
        ClockQuality.Gateway => "gateway",
        ClockQuality.Ntp => "ntp",
        ClockQuality.Gnss => "gnss",
        _ => null,
    };
}
