namespace Edge.Firmware.Wisun;

/// <summary>Field names of an EPANDESC block (BP35A1 command reference §4.5 EPANDESC).</summary>
public static class SkStackPanField
{
    /// <summary>A field this client does not know.</summary>
    public const int Unknown = 0;

    /// <summary><c>Channel</c>: logical channel number, 2 hex digits (0x21 = 33 = 922.5 MHz).</summary>
    public const int Channel = 1;

    /// <summary><c>Channel Page</c>: 2 hex digits.</summary>
    public const int ChannelPage = 2;

    /// <summary><c>Pan ID</c>: 4 hex digits.</summary>
    public const int PanId = 3;

    /// <summary><c>Addr</c>: the coordinator's 64-bit MAC address, 16 hex digits.</summary>
    public const int Address = 4;

    /// <summary><c>LQI</c>: received link quality, 2 hex digits.</summary>
    public const int Lqi = 5;

    /// <summary><c>PairID</c>: 8 hex digits, the last 8 characters of the B-route ID (scan mode 2 only).</summary>
    public const int PairId = 6;
}
