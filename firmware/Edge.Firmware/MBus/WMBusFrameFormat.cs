namespace Edge.Firmware.MBus;

/// <summary>How link-layer CRCs are expected in wireless frames (EN 13757-4 §6.5 format A, §6.6 format B).</summary>
public static class WMBusFrameFormat
{
    /// <summary>Format A with CRCs when the length says so, otherwise a frame whose CRCs a dongle already removed.</summary>
    public const int Auto = 0;

    /// <summary>Format B with its CRCs (L counts the CRC bytes).</summary>
    public const int B = 2;
}
