namespace Edge.Firmware.Hardware;

/// <summary>Clock quality codes (DESIGN.md "Data that flows"); the numbers match Edge.Uplink.ClockQuality.</summary>
public static class ClockQualities
{
    /// <summary>Real-time clock never synchronised.</summary>
    public const int RtcUnsynced = 0;

    /// <summary>Time set or corrected by the gateway.</summary>
    public const int Gateway = 1;

    /// <summary>Synchronised by NTP.</summary>
    public const int Ntp = 2;

    /// <summary>Synchronised by GNSS.</summary>
    public const int Gnss = 3;

    /// <summary>The frame text for a quality code (firmware/FRAME.md, label <c>cq</c>).</summary>
    public static string ToText(int quality)
    {
        switch (quality)
        {
            case Gnss: return "gnss";
            case Ntp: return "ntp";
            case Gateway: return "gateway";
            default: return "rtc-unsynced";
        }
    }
}
