namespace Edge.Uplink;

/// <summary>How the observed time of a reading was obtained (DESIGN.md, "Data that flows").</summary>
public enum ClockQuality : byte
{
    /// <summary>The device clock was never synchronised: the time may be far off.</summary>
    RtcUnsynced = 0,

    /// <summary>The gateway stamped or corrected the time.</summary>
    Gateway = 1,

    /// <summary>The device clock is synchronised by NTP.</summary>
    Ntp = 2,

    /// <summary>The device clock is synchronised by GNSS.</summary>
    Gnss = 3,
}
