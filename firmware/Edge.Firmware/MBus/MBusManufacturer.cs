namespace Edge.Firmware.MBus;

/// <summary>The manufacturer field (EN 13757-3 §6.2.2 / EN 62056-21 FLAG id): three letters, 5 bits each.</summary>
public static class MBusManufacturer
{
    /// <summary>Three letters of a manufacturer code; '@' marks a letter outside A-Z as libmbus does.</summary>
    public static string ToLetters(int code)
    {
        var chars = new char[3];
        chars[0] = (char)(((code >> 10) & 0x1F) + 64);
        chars[1] = (char)(((code >> 5) & 0x1F) + 64);
        chars[2] = (char)((code & 0x1F) + 64);
        return new string(chars);
    }

    /// <summary>Manufacturer code of three upper-case letters.</summary>
    public static int FromLetters(string letters) =>
        ((letters[0] - 64) << 10) | ((letters[1] - 64) << 5) | (letters[2] - 64);
}
