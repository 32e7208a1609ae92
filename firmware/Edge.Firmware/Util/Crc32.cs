namespace Edge.Firmware.Util;

/// <summary>CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), bitwise: no table, no allocation.</summary>
public static class Crc32
{
    /// <summary>CRC-32 of <paramref name="count"/> bytes at <paramref name="index"/>; check value of "123456789" is 0xCBF43926.</summary>
    public static uint Compute(byte[] data, int index, int count)
    {
        var crc = 0xFFFFFFFFu;
        for (var i = index; i < index + count; i++)
        {
            crc ^= data[i];
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
