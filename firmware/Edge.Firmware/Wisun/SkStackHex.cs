namespace Edge.Firmware.Wisun;

/// <summary>Hex digits as SKSTACK-IP writes them (upper case; lower case accepted on input).</summary>
public static class SkStackHex
{
    /// <summary>The value of one hex digit, or -1.</summary>
    public static int Digit(byte c)
    {
        if (c >= (byte)'0' && c <= (byte)'9')
        {
            return c - '0';
        }

        if (c >= (byte)'A' && c <= (byte)'F')
        {
            return c - 'A' + 10;
        }

        if (c >= (byte)'a' && c <= (byte)'f')
        {
            return c - 'a' + 10;
        }

        return -1;
    }

    /// <summary>Parses 1..16 hex digits as an unsigned bit pattern; false on any other character or length.</summary>
    public static bool TryParse(byte[] text, int start, int length, out long value)
    {
        value = 0;
        if (length < 1 || length > 16 || start < 0 || start + length > text.Length)
        {
            return false;
        }

        for (var i = start; i < start + length; i++)
        {
            var d = Digit(text[i]);
            if (d < 0)
            {
                return false;
            }

            value = (value << 4) | (long)d;
        }

        return true;
    }

    /// <summary>Decodes <paramref name="length"/> hex digits (even) into bytes at <paramref name="output"/>; false on a bad digit.</summary>
    public static bool TryDecode(byte[] text, int start, int length, byte[] output, int outputOffset)
    {
        if ((length & 1) != 0 || outputOffset + (length / 2) > output.Length)
        {
            return false;
        }

        for (var i = 0; i < length; i += 2)
        {
            var hi = Digit(text[start + i]);
            var lo = Digit(text[start + i + 1]);
            if (hi < 0 || lo < 0)
            {
                return false;
            }

            output[outputOffset + (i / 2)] = (byte)((hi << 4) | lo);
        }

        return true;
    }

    /// <summary>The upper-case hex digit of a value 0..15.</summary>
    public static byte Char(int nibble)
    {
        nibble &= 0xF;
        return (byte)(nibble < 10 ? '0' + nibble : 'A' + nibble - 10);
    }
}
