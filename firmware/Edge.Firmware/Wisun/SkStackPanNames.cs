namespace Edge.Firmware.Wisun;

/// <summary>Matches the field names of an EPANDESC block (BP35A1 command reference §4.5) without allocating.</summary>
internal static class SkStackPanNames
{
    private static readonly byte[][] _names = new byte[][]
    {
        Ascii("Channel"),
        Ascii("Channel Page"),
        Ascii("Pan ID"),
        Ascii("Addr"),
        Ascii("LQI"),
        Ascii("PairID"),
    };

    /// <summary>The <see cref="SkStackPanField"/> of the name at <paramref name="start"/>, or Unknown.</summary>
    public static int Lookup(byte[] text, int start, int length)
    {
        for (var n = 0; n < _names.Length; n++)
        {
            var name = _names[n];
            if (name.Length != length)
            {
                continue;
            }

            var same = true;
            for (var i = 0; i < length && same; i++)
            {
                same = text[start + i] == name[i];
            }

            if (same)
            {
                return n + 1;
            }
        }

        return SkStackPanField.Unknown;
    }

    private static byte[] Ascii(string s)
    {
        var b = new byte[s.Length];
        for (var i = 0; i < s.Length; i++)
        {
            b[i] = (byte)s[i];
        }

        return b;
    }
}
