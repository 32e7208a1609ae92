namespace Edge.HwSim.Sensors;

/// <summary>
/// The NVM trimming parameters of a simulated BME280/BMP280. <see cref="DatasheetExample"/> holds the
/// temperature and pressure values of the BMP280 datasheet's compensation example (BST-BMP280-DS001 §3.12,
/// also ../shared/conformance/sensors.md); the humidity values are typical of a production BME280.
/// </summary>
public sealed record Bmx280Trimming(
    int T1, int T2, int T3,
    int P1, int P2, int P3, int P4, int P5, int P6, int P7, int P8, int P9,
    int H1, int H2, int H3, int H4, int H5, int H6)
{
    /// <summary>The datasheet example calibration (T1 27504 ... P9 6000) with typical humidity trimming.</summary>
    public static Bmx280Trimming DatasheetExample { get; } = new(
        27504, 26435, -1000,
        36477, -10685, 3024, 2855, 140, -7, 15500, -14600, 6000,
        75, 362, 0, 313, 50, 30);

    /// <summary>The 24 bytes of registers 0x88..0x9F (little-endian words, datasheet Table 17).</summary>
    public byte[] TemperaturePressureBytes()
    {
        int[] words = [T1, T2, T3, P1, P2, P3, P4, P5, P6, P7, P8, P9];
        var bytes = new byte[24];
        for (var i = 0; i < words.Length; i++)
        {
            bytes[2 * i] = (byte)words[i];
            bytes[(2 * i) + 1] = (byte)(words[i] >> 8);
        }

        return bytes;
    }

    /// <summary>The 7 bytes of registers 0xE1..0xE7 (BME280 datasheet Table 16: H4 and H5 share 0xE5).</summary>
    public byte[] HumidityBytes() =>
    [
        (byte)H2, (byte)(H2 >> 8), (byte)H3,
        (byte)(H4 >> 4), (byte)((H4 & 0x0F) | ((H5 & 0x0F) << 4)), (byte)(H5 >> 4), (byte)H6,
    ];
}
