namespace Edge.Firmware.MBus;

/// <summary>CRC-16 of EN 13757-4 §6.5 (polynomial 0x3D65, initial 0, final complement, MSB first).</summary>
public static class WMBusCrc
{
    private static readonly ushort[] _table = BuildTable();

    /// <summary>CRC over <paramref name="count"/> bytes.</summary>
    public static int Compute(byte[] b, int offset, int count)
    {
        var crc = 0;
        for (var i = 0; i < count; i++)
        {
            crc = ((crc << 8) ^ _table[((crc >> 8) ^ b[offset + i]) & 0xFF]) & 0xFFFF;
        }

        return crc ^ 0xFFFF;
    }

    /// <summary>True when the two bytes after the block hold its CRC, most significant byte first.</summary>
    public static bool Check(byte[] b, int offset, int count) =>
        Compute(b, offset, count) == ((b[offset + count] << 8) | b[offset + count + 1]);

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var crc = i << 8;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x3D65 : crc << 1;
            }

            table[i] = (ushort)crc;
        }

        return table;
    }
}
