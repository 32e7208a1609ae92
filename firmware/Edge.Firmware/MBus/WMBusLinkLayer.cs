namespace Edge.Firmware.MBus;

/// <summary>Checks and removes the link-layer CRCs of EN 13757-4 frame formats A and B, in place.</summary>
public static class WMBusLinkLayer
{
    /// <summary>Bytes of the first block (L, C, M, A) in both formats.</summary>
    public const int FirstBlock = 10;

    /// <summary>Length on air of a format A frame whose L field is <paramref name="l"/> (one CRC per block).</summary>
    public static int FormatALength(int l)
    {
        var rest = l + 1 - FirstBlock;
        return l + 1 + 2 + (2 * ((rest + 15) / 16));
    }

    /// <summary>
    /// Removes format A CRCs from <c>b[0..length)</c>; returns the new length, or -1 with <paramref name="error"/>
    /// naming the first bad block.
    /// </summary>
    public static int StripFormatA(byte[] b, int length, out string? error)
    {
        error = null;
        if (!WMBusCrc.Check(b, 0, FirstBlock))
        {
            error = "link CRC mismatch in block 1 (format A)";
            return -1;
        }

        var read = FirstBlock + 2;
        var write = FirstBlock;
        var block = 2;
        while (read < length)
        {
            var n = length - read - 2;
            n = n > 16 ? 16 : n;
            if (n <= 0 || !WMBusCrc.Check(b, read, n))
            {
                error = "link CRC mismatch in block " + block.ToString() + " (format A)";
                return -1;
            }

            System.Array.Copy(b, read, b, write, n);
            read += n + 2;
            write += n;
            block++;
        }

        return write;
    }

    /// <summary>
    /// True when the last two bytes of <c>b[0..end)</c> are the format A CRC (most significant byte first) of the
    /// block before them, with blocks counted as in format A: 10 bytes, then 16 each, the last one shorter.
    /// </summary>
    public static bool EndsWithLastBlockCrc(byte[] b, int end)
    {
        var data = end - 2;
        if (data <= FirstBlock)
        {
            return false;
        }

        var start = FirstBlock + (16 * ((data - FirstBlock - 1) / 16));
        return WMBusCrc.Check(b, start, data - start);
    }

    /// <summary>Removes format B CRCs (block 2 up to byte 126 with CRC, optional block 3); sets L to the length without them.</summary>
    public static int StripFormatB(byte[] b, int length, out string? error)
    {
        error = null;
        var first = length > 128 ? 128 : length;
        if (first < FirstBlock + 3 || !WMBusCrc.Check(b, 0, first - 2))
        {
            error = "link CRC mismatch in block 2 (format B)";
            return -1;
        }

        var write = first - 2;
        if (length > 128)
        {
            var n = length - 128 - 2;
            if (n <= 0 || !WMBusCrc.Check(b, 128, n))
            {
                error = "link CRC mismatch in block 3 (format B)";
                return -1;
            }

            System.Array.Copy(b, 128, b, write, n);
            write += n;
        }

        b[0] = (byte)(write - 1);
        return write;
    }
}
