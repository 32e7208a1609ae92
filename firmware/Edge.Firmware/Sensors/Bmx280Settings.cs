namespace Edge.Firmware.Sensors;

/// <summary>
/// Register codes for BME280/BMP280 settings (BME280 datasheet §5.4.3-§5.4.6): oversampling (osrs_x),
/// IIR filter coefficient and normal-mode standby time.
/// </summary>
public static class Bmx280Settings
{
    /// <summary>Measurement skipped; its output stays 0x80000 (0x8000 for humidity).</summary>
    public const int OversamplingSkip = 0;

    /// <summary>Oversampling ×1.</summary>
    public const int Oversampling1 = 1;

    /// <summary>Oversampling ×2.</summary>
    public const int Oversampling2 = 2;

    /// <summary>Oversampling ×4.</summary>
    public const int Oversampling4 = 3;

    /// <summary>Oversampling ×8.</summary>
    public const int Oversampling8 = 4;

    /// <summary>Oversampling ×16.</summary>
    public const int Oversampling16 = 5;

    /// <summary>IIR filter off.</summary>
    public const int FilterOff = 0;

    /// <summary>IIR filter coefficient 2.</summary>
    public const int Filter2 = 1;

    /// <summary>IIR filter coefficient 4.</summary>
    public const int Filter4 = 2;

    /// <summary>IIR filter coefficient 8.</summary>
    public const int Filter8 = 3;

    /// <summary>IIR filter coefficient 16.</summary>
    public const int Filter16 = 4;

    /// <summary>Normal mode standby 0.5 ms (t_sb 000).</summary>
    public const int Standby0_5Ms = 0;

    /// <summary>Normal mode standby 62.5 ms.</summary>
    public const int Standby62_5Ms = 1;

    /// <summary>Normal mode standby 125 ms.</summary>
    public const int Standby125Ms = 2;

    /// <summary>Normal mode standby 250 ms.</summary>
    public const int Standby250Ms = 3;

    /// <summary>Normal mode standby 500 ms.</summary>
    public const int Standby500Ms = 4;

    /// <summary>Normal mode standby 1000 ms.</summary>
    public const int Standby1000Ms = 5;

    /// <summary>Power mode sleep (mode[1:0] = 00).</summary>
    public const int ModeSleep = 0;

    /// <summary>Power mode forced (01; 10 also means forced): one measurement, then back to sleep.</summary>
    public const int ModeForced = 1;

    /// <summary>Power mode normal (11): measure, stand by, repeat.</summary>
    public const int ModeNormal = 3;

    /// <summary>
    /// Longest time a measurement takes, µs (BME280 datasheet Appendix B §9.1, t_measure,max =
    /// 1.25 + 2.3·T_os + (2.3·P_os + 0.575) + (2.3·H_os + 0.575) ms, a skipped measurement adding nothing).
    /// </summary>
    public static int MaxMeasurementUs(int temperatureOs, int pressureOs, int humidityOs)
    {
        var us = 1250 + (2300 * Factor(temperatureOs));
        if (pressureOs != OversamplingSkip)
        {
            us += (2300 * Factor(pressureOs)) + 575;
        }

        if (humidityOs != OversamplingSkip)
        {
            us += (2300 * Factor(humidityOs)) + 575;
        }

        return us;
    }

    /// <summary>The oversampling factor (1, 2, 4, 8, 16) of an osrs code; 0 for skip. Codes above 5 mean ×16.</summary>
    public static int Factor(int oversampling)
    {
        if (oversampling <= 0)
        {
            return 0;
        }

        return oversampling >= 5 ? 16 : 1 << (oversampling - 1);
    }
}
