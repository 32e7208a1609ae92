namespace Edge.Firmware.Sensors;

/// <summary>
/// The trimming parameters of one BME280/BMP280 and the datasheet's integer compensation (BME280 datasheet
/// BST-BME280-DS002 §4.2.3 and §8.2; BMP280 BST-BMP280-DS001 §3.11.3): 32-bit temperature, 64-bit pressure,
/// 32-bit humidity. No floating point; the same results the datasheet's reference code gives.
/// </summary>
public sealed class Bmx280Calibration
{
    /// <summary>dig_T1 (unsigned 16).</summary>
    public int T1 { get; set; }

    /// <summary>dig_T2 (signed 16).</summary>
    public int T2 { get; set; }

    /// <summary>dig_T3 (signed 16).</summary>
    public int T3 { get; set; }

    /// <summary>dig_P1 (unsigned 16).</summary>
    public int P1 { get; set; }

    /// <summary>dig_P2 (signed 16).</summary>
    public int P2 { get; set; }

    /// <summary>dig_P3 (signed 16).</summary>
    public int P3 { get; set; }

    /// <summary>dig_P4 (signed 16).</summary>
    public int P4 { get; set; }

    /// <summary>dig_P5 (signed 16).</summary>
    public int P5 { get; set; }

    /// <summary>dig_P6 (signed 16).</summary>
    public int P6 { get; set; }

    /// <summary>dig_P7 (signed 16).</summary>
    public int P7 { get; set; }

    /// <summary>dig_P8 (signed 16).</summary>
    public int P8 { get; set; }

    /// <summary>dig_P9 (signed 16).</summary>
    public int P9 { get; set; }

    /// <summary>dig_H1 (unsigned 8, BME280 only).</summary>
    public int H1 { get; set; }

    /// <summary>dig_H2 (signed 16).</summary>
    public int H2 { get; set; }

    /// <summary>dig_H3 (unsigned 8).</summary>
    public int H3 { get; set; }

    /// <summary>dig_H4 (signed 12).</summary>
    public int H4 { get; set; }

    /// <summary>dig_H5 (signed 12).</summary>
    public int H5 { get; set; }

    /// <summary>dig_H6 (signed 8).</summary>
    public int H6 { get; set; }

    /// <summary>
    /// Reads T1..P9 from the 24 bytes at 0x88..0x9F (little-endian words, datasheet Table 16/17).
    /// </summary>
    public void ReadTemperaturePressure(byte[] b, int index)
    {
        T1 = U16(b, index);
        T2 = S16(b, index + 2);
        T3 = S16(b, index + 4);
        P1 = U16(b, index + 6);
        P2 = S16(b, index + 8);
        P3 = S16(b, index + 10);
        P4 = S16(b, index + 12);
        P5 = S16(b, index + 14);
        P6 = S16(b, index + 16);
        P7 = S16(b, index + 18);
        P8 = S16(b, index + 20);
        P9 = S16(b, index + 22);
    }

    /// <summary>
    /// Reads H1 (register 0xA1) and H2..H6 from the 7 bytes at 0xE1..0xE7: H4 = 0xE4[7:0]·16 + 0xE5[3:0],
    /// H5 = 0xE6[7:0]·16 + 0xE5[7:4] (both signed 12-bit), H6 signed 8-bit (BME280 datasheet Table 16).
    /// </summary>
    public void ReadHumidity(int h1, byte[] b, int index)
    {
        H1 = h1 & 0xFF;
        H2 = S16(b, index);
        H3 = b[index + 2];
        H4 = ((int)(sbyte)b[index + 3] * 16) | (b[index + 4] & 0x0F);
        H5 = ((int)(sbyte)b[index + 5] * 16) | (b[index + 4] >> 4);
        H6 = (sbyte)b[index + 6];
    }

    /// <summary>t_fine, the fine temperature carried into the pressure and humidity formulas, from the 20-bit adc_T.</summary>
    public int TemperatureFine(int adcT)
    {
        var var1 = (((adcT >> 3) - (T1 << 1)) * T2) >> 11;
        var d = (adcT >> 4) - T1;
        var var2 = (((d * d) >> 12) * T3) >> 14;
        return var1 + var2;
    }

    /// <summary>Temperature in 0.01 °C from t_fine ("5123" is 51.23 °C).</summary>
    public static int TemperatureCentiC(int tFine) => ((tFine * 5) + 128) >> 8;

    /// <summary>
    /// Pressure in Pa as unsigned Q24.8 (value / 256 = Pa) from the 20-bit adc_P, with the datasheet's 64-bit
    /// formula; 0 when dig_P1 is 0 (the datasheet's guard against division by zero).
    /// </summary>
    public long PressureQ8(int adcP, int tFine)
    {
        long var1 = tFine - 128000L;
        var var2 = var1 * var1 * P6;
        var2 += (var1 * P5) << 17;
        var2 += (long)P4 << 35;
        var1 = ((var1 * var1 * P3) >> 8) + ((var1 * P2) << 12);
        var1 = (((1L << 47) + var1) * P1) >> 33;
        if (var1 == 0)
        {
            return 0;
        }

        long p = 1048576 - adcP;
        p = (((p << 31) - var2) * 3125) / var1;
        var1 = (P9 * (p >> 13) * (p >> 13)) >> 25;
        var2 = (P8 * p) >> 19;
        return ((p + var1 + var2) >> 8) + ((long)P7 << 4);
    }

    /// <summary>Relative humidity in %RH as unsigned Q22.10 (value / 1024 = %RH), clamped to 0..100 %, from the 16-bit adc_H.</summary>
    public int HumidityQ10(int adcH, int tFine)
    {
        var x = tFine - 76800;
        var a = ((adcH << 14) - (H4 << 20) - (H5 * x) + 16384) >> 15;
        var b = (((((x * H6) >> 10) * (((x * H3) >> 11) + 32768)) >> 10) + 2097152) * H2;
        x = a * ((b + 8192) >> 14);
        x -= ((((x >> 15) * (x >> 15)) >> 7) * H1) >> 4;
        if (x < 0)
        {
            x = 0;
        }

        if (x > 419430400)
        {
            x = 419430400;
        }

        return x >> 12;
    }

    private static int U16(byte[] b, int i) => b[i] | (b[i + 1] << 8);

    private static int S16(byte[] b, int i) => (short)(b[i] | (b[i + 1] << 8));
}
