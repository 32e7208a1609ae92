namespace Edge.Firmware.Modbus;

/// <summary>
/// CRC-16/MODBUS (MODBUS over Serial Line V1.02 §6.2.2 and appendix B): polynomial 0xA001 (0x8005 reflected),
/// preset 0xFFFF, no final XOR; sent low byte first. Bitwise, table-free: 8 shifts per byte, no allocation.
/// </summary>
public static class ModbusCrc
{
    /// <summary>The CRC of <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="index"/>.</summary>
    public static int Compute(byte[] buffer, int index, int count)
    {
        var crc = 0xFFFF;
        var end = index + count;
        for (var i = index; i < end; i++)
        {
            crc ^= buffer[i];
            for (var bit = 0; bit < 8; bit++)
            {
                // §6.2.2 step 3-5: shift right, XOR the polynomial when the bit shifted out was 1.
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1;
            }
        }

        return crc;
    }

    /// <summary>Appends the CRC of <c>buffer[0..length)</c> at <paramref name="length"/> (low byte first); returns the new length.</summary>
    public static int Append(byte[] buffer, int length)
    {
        var crc = Compute(buffer, 0, length);
        buffer[length] = (byte)crc;
        buffer[length + 1] = (byte)(crc >> 8);
        return length + 2;
    }

    /// <summary>True when the last two of <paramref name="length"/> bytes are the CRC of the ones before (low byte first).</summary>
    public static bool Check(byte[] buffer, int length)
    {
        if (length < 3)
        {
            return false;
        }

        var crc = Compute(buffer, 0, length - 2);
        return buffer[length - 2] == (byte)crc && buffer[length - 1] == (byte)(crc >> 8);
    }
}
