namespace Edge.Firmware.Modbus;

/// <summary>
/// RTU character timing (MODBUS over Serial Line V1.02 §2.5.1.1). A character is 11 bits (start, 8 data, parity or
/// a second stop bit, stop: §2.5.1). Frames are separated by at least 3.5 character times (t3.5); a gap of more than
/// 1.5 character times (t1.5) inside a frame makes it incomplete. Above 19200 baud the fixed values t1.5 = 750 µs and
/// t3.5 = 1.750 ms apply.
/// </summary>
public static class ModbusTiming
{
    /// <summary>Bits per RTU character (§2.5.1).</summary>
    public const int BitsPerCharacter = 11;

    /// <summary>Above this rate the fixed timer values apply (§2.5.1.1).</summary>
    public const int FixedTimingAbove = 19200;

    /// <summary>One character time in microseconds, rounded up.</summary>
    public static int CharacterMicros(int baudRate) => CeilDiv(BitsPerCharacter * 1000000L, baudRate);

    /// <summary>t1.5, the longest gap inside a frame, in microseconds (rounded up).</summary>
    public static int InterCharacterMicros(int baudRate) =>
        baudRate > FixedTimingAbove ? 750 : CeilDiv(15L * BitsPerCharacter * 100000L, baudRate);

    /// <summary>t3.5, the shortest silence between frames, in microseconds (rounded up).</summary>
    public static int InterFrameMicros(int baudRate) =>
        baudRate > FixedTimingAbove ? 1750 : CeilDiv(35L * BitsPerCharacter * 100000L, baudRate);

    /// <summary>Transmission time of <paramref name="bytes"/> characters in microseconds (rounded up).</summary>
    public static int FrameMicros(int baudRate, int bytes) => CeilDiv(bytes * (long)BitsPerCharacter * 1000000L, baudRate);

    /// <summary>Microseconds to whole milliseconds, rounded up, at least 1 (the link's timeouts are in milliseconds).</summary>
    public static int ToMillis(int micros) => micros <= 1000 ? 1 : (micros + 999) / 1000;

    private static int CeilDiv(long numerator, int baudRate)
    {
        if (baudRate <= 0)
        {
            throw new System.ArgumentOutOfRangeException("baudRate");
        }

        return (int)((numerator + baudRate - 1) / baudRate);
    }
}
