namespace Edge.Firmware.Crypto;

/// <summary>Comparisons whose running time does not depend on where the inputs differ.</summary>
public static class ConstantTime
{
    /// <summary>
    /// True when the <paramref name="count"/> bytes at the two offsets are equal. Every byte is visited and
    /// differences are collected with or, so a MAC check does not leak how many leading bytes matched.
    /// </summary>
    public static bool AreEqual(byte[] a, int aOffset, byte[] b, int bOffset, int count)
    {
        Aes128.CheckRange(a, aOffset, count, nameof(a));
        Aes128.CheckRange(b, bOffset, count, nameof(b));
        var difference = 0;
        for (var i = 0; i < count; i++)
        {
            difference |= a[aOffset + i] ^ b[bOffset + i];
        }

        return difference == 0;
    }
}
