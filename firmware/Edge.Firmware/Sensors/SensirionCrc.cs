namespace Edge.Firmware.Sensors;

/// <summary>
/// The CRC-8 Sensirion puts after every 16-bit word (SHT3x datasheet §4.12, SHT4x §4.4, SCD4x §3.11):
/// polynomial 0x31 (x⁸ + x⁵ + x⁴ + 1), initial value 0xFF, no reflection, no final XOR. Check value:
/// CRC(0xBE 0xEF) = 0x92. Bitwise, no table, no allocation.
/// </summary>
public static class SensirionCrc
{
    /// <summary>CRC-8 of <paramref name="count"/> bytes at <paramref name="index"/>.</summary>
    public static byte Compute(byte[] data, int index, int count)
    {
        var crc = 0xFF;
        for (var i = index; i < index + count; i++)
        {
            crc = Step8(crc ^ data[i]);
        }

        return (byte)crc;
    }

    /// <summary>CRC-8 of one 16-bit word sent most significant byte first.</summary>
    public static byte ComputeWord(int word)
    {
        var crc = 0xFF ^ ((word >> 8) & 0xFF);
        crc = Step8(crc) ^ (word & 0xFF);
        return (byte)Step8(crc);
    }

    /// <summary>True when the byte after the two-byte word at <paramref name="index"/> is its CRC.</summary>
    public static bool CheckWord(byte[] data, int index) =>
        ComputeWord((data[index] << 8) | data[index + 1]) == data[index + 2];

    /// <summary>Writes a word, most significant byte first, and its CRC (three bytes) at <paramref name="index"/>.</summary>
    public static void WriteWord(byte[] data, int index, int word)
    {
        data[index] = (byte)(word >> 8);
        data[index + 1] = (byte)word;
        data[index + 2] = ComputeWord(word & 0xFFFF);
    }

    private static int Step8(int crc)
    {
        for (var bit = 0; bit < 8; bit++)
        {
            crc = (crc & 0x80) != 0 ? ((crc << 1) ^ 0x31) & 0xFF : (crc << 1) & 0xFF;
        }

        return crc;
    }
}
