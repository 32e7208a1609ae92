namespace Edge.Firmware.Util;

/// <summary>Little-endian integer packing into byte buffers, independent of the CPU's byte order.</summary>
public static class LittleEndian
{
    /// <summary>Writes a 64-bit integer.</summary>
    public static void WriteInt64(byte[] buffer, int index, long value)
    {
        for (var i = 0; i < 8; i++)
        {
            buffer[index + i] = (byte)(value >> (8 * i));
        }
    }

    /// <summary>Reads a 64-bit integer.</summary>
    public static long ReadInt64(byte[] buffer, int index)
    {
        long value = 0;
        for (var i = 7; i >= 0; i--)
        {
            value = (value << 8) | buffer[index + i];
        }

        return value;
    }

    /// <summary>Writes a 32-bit unsigned integer.</summary>
    public static void WriteUInt32(byte[] buffer, int index, uint value)
    {
        buffer[index] = (byte)value;
        buffer[index + 1] = (byte)(value >> 8);
        buffer[index + 2] = (byte)(value >> 16);
        buffer[index + 3] = (byte)(value >> 24);
    }

    /// <summary>Reads a 32-bit unsigned integer.</summary>
    public static uint ReadUInt32(byte[] buffer, int index) =>
        buffer[index] | ((uint)buffer[index + 1] << 8) | ((uint)buffer[index + 2] << 16) | ((uint)buffer[index + 3] << 24);
}
