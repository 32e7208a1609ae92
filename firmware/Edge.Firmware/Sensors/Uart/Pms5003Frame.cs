namespace Edge.Firmware.Sensors.Uart;

/// <summary>
/// One PMS5003 data frame (Plantower PMS5003 manual, "Transport protocol – Active mode"): 32 bytes,
/// 0x42 0x4D, frame length 28 (2·13 + 2), 13 big-endian data words, check code = sum of bytes 0 … 29.
/// Values in µg/m³ (PM) and particles per 0.1 L of air (counts).
/// </summary>
public sealed class Pms5003Frame
{
    /// <summary>PM1.0 / PM2.5 / PM10 concentration, CF=1 standard particle (µg/m³).</summary>
    public int Pm1Standard;

    /// <summary>PM2.5 CF=1 (µg/m³).</summary>
    public int Pm25Standard;

    /// <summary>PM10 CF=1 (µg/m³).</summary>
    public int Pm10Standard;

    /// <summary>PM1.0 under atmospheric environment (µg/m³).</summary>
    public int Pm1Atmospheric;

    /// <summary>PM2.5 under atmospheric environment (µg/m³): the value to report.</summary>
    public int Pm25Atmospheric;

    /// <summary>PM10 under atmospheric environment (µg/m³).</summary>
    public int Pm10Atmospheric;

    /// <summary>Particles beyond 0.3 µm per 0.1 L.</summary>
    public int Count03;

    /// <summary>Particles beyond 0.5 µm per 0.1 L.</summary>
    public int Count05;

    /// <summary>Particles beyond 1.0 µm per 0.1 L.</summary>
    public int Count10;

    /// <summary>Particles beyond 2.5 µm per 0.1 L.</summary>
    public int Count25;

    /// <summary>Particles beyond 5.0 µm per 0.1 L.</summary>
    public int Count50;

    /// <summary>Particles beyond 10 µm per 0.1 L.</summary>
    public int Count100;

    /// <summary>Data 13 high byte: version number.</summary>
    public int Version;

    /// <summary>Data 13 low byte: error code.</summary>
    public int ErrorCode;

    /// <summary>Copies the values of <paramref name="other"/>.</summary>
    public void CopyFrom(Pms5003Frame other)
    {
        Pm1Standard = other.Pm1Standard;
        Pm25Standard = other.Pm25Standard;
        Pm10Standard = other.Pm10Standard;
        Pm1Atmospheric = other.Pm1Atmospheric;
        Pm25Atmospheric = other.Pm25Atmospheric;
        Pm10Atmospheric = other.Pm10Atmospheric;
        Count03 = other.Count03;
        Count05 = other.Count05;
        Count10 = other.Count10;
        Count25 = other.Count25;
        Count50 = other.Count50;
        Count100 = other.Count100;
        Version = other.Version;
        ErrorCode = other.ErrorCode;
    }
}
