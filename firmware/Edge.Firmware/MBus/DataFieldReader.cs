using System;

namespace Edge.Firmware.MBus;

/// <summary>Reads the data field encodings of EN 13757-3 §6.3.3 table 4 and Annex A (types A, B, H).</summary>
internal static class DataFieldReader
{
    /// <summary>Bytes of data for data field code <paramref name="dataField"/>; -1 for variable length (0xD), -2 for special (0xF).</summary>
    public static int FixedLength(int dataField)
    {
        switch (dataField)
        {
            case 0x0: return 0;
            case 0x1: return 1;
            case 0x2: return 2;
            case 0x3: return 3;
            case 0x4: return 4;
            case 0x5: return 4;
            case 0x6: return 6;
            case 0x7: return 8;
            case 0x8: return 0;
            case 0x9: return 1;
            case 0xA: return 2;
            case 0xB: return 3;
            case 0xC: return 4;
            case 0xD: return -1;
            case 0xE: return 6;
            default: return -2;
        }
    }

    /// <summary>Type B: signed little-endian two's complement integer of 1-8 bytes.</summary>
    public static long SignedInteger(byte[] b, int offset, int length)
    {
        long value = 0;
        for (var i = length - 1; i >= 0; i--)
        {
            value = (value << 8) | b[offset + i];
        }

        if (length < 8 && (b[offset + length - 1] & 0x80) != 0)
        {
            value -= 1L << (8 * length);
        }

        return value;
    }

    /// <summary>Unsigned little-endian integer of 1-7 bytes.</summary>
    public static long UnsignedInteger(byte[] b, int offset, int length)
    {
        long value = 0;
        for (var i = length - 1; i >= 0; i--)
        {
            value = (value << 8) | b[offset + i];
        }

        return value;
    }

    /// <summary>
    /// Type A: BCD, least significant byte first. A high nibble 0xF in the most significant byte marks a
    /// negative value (EN 13757-3 Annex A, note on type A). Returns false when another digit is not 0-9.
    /// </summary>
    public static bool Bcd(byte[] b, int offset, int length, out long value)
    {
        value = 0;
        var negative = false;
        for (var i = length - 1; i >= 0; i--)
        {
            var hi = b[offset + i] >> 4;
            var lo = b[offset + i] & 0x0F;
            if (i == length - 1 && hi == 0x0F)
            {
                negative = true;
                hi = 0;
            }

            if (hi > 9 || lo > 9)
            {
                return false;
            }

            value = (value * 100) + (hi * 10) + lo;
        }

        if (negative)
        {
            value = -value;
        }

        return true;
    }

    /// <summary>Type H: IEEE 754 single precision, little-endian.</summary>
    /// <remarks>Host and device (Cortex-M, Xtensa) are little-endian, so BitConverter reads the wire order.</remarks>
    public static double Real32(byte[] b, int offset) => BitConverter.ToSingle(b, offset);
}
