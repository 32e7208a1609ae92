namespace Edge.Firmware.Buffering;

/// <summary>Reading status flags (firmware/FRAME.md, label <c>fl</c>).</summary>
public static class ReadingFlags
{
    /// <summary>Reverse flow was counted since the previous reading.</summary>
    public const int Reverse = 1;

    /// <summary>The tamper input fired (latched).</summary>
    public const int Tamper = 2;

    /// <summary>The ring overflowed: unsent readings before this one were overwritten.</summary>
    public const int LostBefore = 4;

    /// <summary>First reading after a reboot.</summary>
    public const int Reboot = 8;

    /// <summary>Supply below threshold.</summary>
    public const int LowBattery = 16;

    /// <summary>The sensor failed (bus error, NACK, CRC, timeout) at least once since its previous reading: values were skipped.</summary>
    public const int SensorFault = 32;
}
