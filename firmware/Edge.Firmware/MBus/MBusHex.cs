namespace Edge.Firmware.MBus;

/// <summary>Hex text for error messages, without format strings (nanoFramework has no custom formats).</summary>
public static class MBusHex
{
    private const string Digits = "0123456789ABCDEF";

    /// <summary>"0x" and two hex digits.</summary>
    public static string Byte(int value) => "0x" + Digits[(value >> 4) & 0xF] + Digits[value & 0xF];

    /// <summary>"0x" and four hex digits of a 16-bit value.</summary>
    public static string Word(int value) => Byte(value >> 8) + Digits[(value >> 4) & 0xF] + Digits[value & 0xF];

    /// <summary>Hex digits of <paramref name="length"/> bytes, in the given order, no separators.</summary>
    public static string Bytes(byte[] buffer, int offset, int length)
    {
        var chars = new char[length * 2];
        for (var i = 0; i < length; i++)
        {
            chars[2 * i] = Digits[buffer[offset + i] >> 4];
            chars[(2 * i) + 1] = Digits[buffer[offset + i] & 0xF];
        }

        return new string(chars);
    }

    /// <summary>Decimal text of a non-negative or negative integer (no culture involved).</summary>
    public static string Int(long value) => value.ToString();
}
