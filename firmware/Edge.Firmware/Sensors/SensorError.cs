namespace Edge.Firmware.Sensors;

/// <summary>Why a sensor driver's last operation failed (its <c>LastError</c>); <see cref="None"/> after a success.</summary>
public static class SensorError
{
    /// <summary>The last operation succeeded.</summary>
    public const int None = 0;

    /// <summary>The bus transfer failed: the device did not acknowledge (NACK) or the bus reported an I/O error.</summary>
    public const int Bus = 1;

    /// <summary>A Sensirion CRC-8 did not match its word; the reading was discarded.</summary>
    public const int Crc = 2;

    /// <summary>The chip identification register held an unexpected value (not the sensor configured).</summary>
    public const int WrongChip = 3;

    /// <summary>No new result yet: still measuring, data not ready, or the output still holds its reset value.</summary>
    public const int NotReady = 4;

    /// <summary>The driver was not initialised (calibration not read) or the call is not allowed in this state.</summary>
    public const int NotInitialised = 5;

    /// <summary>A setting outside the range the datasheet allows.</summary>
    public const int BadArgument = 6;

    /// <summary>A short text for logs and diagnostics.</summary>
    public static string ToText(int error)
    {
        switch (error)
        {
            case None: return "ok";
            case Bus: return "bus error (NACK)";
            case Crc: return "CRC mismatch";
            case WrongChip: return "wrong chip id";
            case NotReady: return "not ready";
            case NotInitialised: return "not initialised";
            case BadArgument: return "bad argument";
            default: return "unknown";
        }
    }
}
