namespace Edge.Firmware.Sensors;

/// <summary>
/// Raw-to-physical conversions of Sensirion's 16-bit outputs, in integers rounded to the nearest unit:
/// SHT3x datasheet §4.13, SHT4x datasheet §4.6, SCD4x datasheet §3.6.2.
/// </summary>
public static class SensirionConversion
{
    /// <summary>T = -45 + 175·S/65535 °C, in 0.001 °C (SHT3x, SHT4x, SCD4x).</summary>
    public static int TemperatureMilliC(int raw) => -45000 + Scale(raw, 175000);

    /// <summary>RH = 100·S/65535 %, in 0.001 %RH (SHT3x, SCD4x).</summary>
    public static int HumidityMilliPercent(int raw) => Scale(raw, 100000);

    /// <summary>RH = -6 + 125·S/65535 %, cropped to 0..100 % as the datasheet recommends, in 0.001 %RH (SHT4x).</summary>
    public static int Sht4xHumidityMilliPercent(int raw)
    {
        var rh = -6000 + Scale(raw, 125000);
        return rh < 0 ? 0 : rh > 100000 ? 100000 : rh;
    }

    /// <summary>The SCD4x temperature offset word for an offset in 0.001 °C: offset·65535/175 (datasheet §3.6.1).</summary>
    public static int TemperatureOffsetWord(int offsetMilliC) => (int)((((long)offsetMilliC * 65535) + 87500) / 175000);

    /// <summary>The SCD4x temperature offset in 0.001 °C for its word: 175·word/65535.</summary>
    public static int TemperatureOffsetMilliC(int word) => Scale(word, 175000);

    private static int Scale(int raw, int fullScale) => (int)((((long)raw * fullScale) + 32767) / 65535);
}
