namespace Edge.Firmware.MBus;

/// <summary>
/// DES (FIPS 46-3) for the deprecated security mode 2 of EN 13757-7 / EN 13757-3:2004 (DES-CBC, IV = 0), which
/// old meters still send. A plain table implementation after the standard's permutations and S-boxes: slow
/// next to AES, and meant only for these few meters. Not thread-safe; no allocation after construction.
/// </summary>
internal sealed class DesCipher
{
    /// <summary>Bytes of a DES key and of a block.</summary>
    public const int BlockSize = 8;

    // FIPS 46-3 tables, 1-based bit numbers counted from the most significant bit.
    private static readonly byte[] _ip =
    {
        58, 50, 42, 34, 26, 18, 10, 2, 60, 52, 44, 36, 28, 20, 12, 4, 62, 54, 46, 38, 30, 22, 14, 6, 64, 56, 48, 40, 32, 24, 16, 8,
        57, 49, 41, 33, 25, 17, 9, 1, 59, 51, 43, 35, 27, 19, 11, 3, 61, 53, 45, 37, 29, 21, 13, 5, 63, 55, 47, 39, 31, 23, 15, 7,
    };

    private static readonly byte[] _fp =
    {
        40, 8, 48, 16, 56, 24, 64, 32, 39, 7, 47, 15, 55, 23, 63, 31, 38, 6, 46, 14, 54, 22, 62, 30, 37, 5, 45, 13, 53, 21, 61, 29,
        36, 4, 44, 12, 52, 20, 60, 28, 35, 3, 43, 11, 51, 19, 59, 27, 34, 2, 42, 10, 50, 18, 58, 26, 33, 1, 41, 9, 49, 17, 57, 25,
    };

    private static readonly byte[] _e =
    {
        32, 1, 2, 3, 4, 5, 4, 5, 6, 7, 8, 9, 8, 9, 10, 11, 12, 13, 12, 13, 14, 15, 16, 17,
        16, 17, 18, 19, 20, 21, 20, 21, 22, 23, 24, 25, 24, 25, 26, 27, 28, 29, 28, 29, 30, 31, 32, 1,
    };

    private static readonly byte[] _p =
    {
        16, 7, 20, 21, 29, 12, 28, 17, 1, 15, 23, 26, 5, 18, 31, 10, 2, 8, 24, 14, 32, 27, 3, 9, 19, 13, 30, 6, 22, 11, 4, 25,
    };

    private static readonly byte[] _pc1 =
    {
        57, 49, 41, 33, 25, 17, 9, 1, 58, 50, 42, 34, 26, 18, 10, 2, 59, 51, 43, 35, 27, 19, 11, 3, 60, 52, 44, 36,
        63, 55, 47, 39, 31, 23, 15, 7, 62, 54, 46, 38, 30, 22, 14, 6, 61, 53, 45, 37, 29, 21, 13, 5, 28, 20, 12, 4,
    };

    private static readonly byte[] _pc2 =
    {
        14, 17, 11, 24, 1, 5, 3, 28, 15, 6, 21, 10, 23, 19, 12, 4, 26, 8, 16, 7, 27, 20, 13, 2,
        41, 52, 31, 37, 47, 55, 30, 40, 51, 45, 33, 48, 44, 49, 39, 56, 34, 53, 46, 42, 50, 36, 29, 32,
    };

    private static readonly byte[] _shifts = { 1, 1, 2, 2, 2, 2, 2, 2, 1, 2, 2, 2, 2, 2, 2, 1 };

    // S1..S8, 64 entries each: row (outer bits 1 and 6) × 16 + column (middle bits 2-5).
    private static readonly byte[] _s =
    {
        14, 4, 13, 1, 2, 15, 11, 8, 3, 10, 6, 12, 5, 9, 0, 7, 0, 15, 7, 4, 14, 2, 13, 1, 10, 6, 12, 11, 9, 5, 3, 8,
        4, 1, 14, 8, 13, 6, 2, 11, 15, 12, 9, 7, 3, 10, 5, 0, 15, 12, 8, 2, 4, 9, 1, 7, 5, 11, 3, 14, 10, 0, 6, 13,
        15, 1, 8, 14, 6, 11, 3, 4, 9, 7, 2, 13, 12, 0, 5, 10, 3, 13, 4, 7, 15, 2, 8, 14, 12, 0, 1, 10, 6, 9, 11, 5,
        0, 14, 7, 11, 10, 4, 13, 1, 5, 8, 12, 6, 9, 3, 2, 15, 13, 8, 10, 1, 3, 15, 4, 2, 11, 6, 7, 12, 0, 5, 14, 9,
        10, 0, 9, 14, 6, 3, 15, 5, 1, 13, 12, 7, 11, 4, 2, 8, 13, 7, 0, 9, 3, 4, 6, 10, 2, 8, 5, 14, 12, 11, 15, 1,
        13, 6, 4, 9, 8, 15, 3, 0, 11, 1, 2, 12, 5, 10, 14, 7, 1, 10, 13, 0, 6, 9, 8, 7, 4, 15, 14, 3, 11, 5, 2, 12,
        7, 13, 14, 3, 0, 6, 9, 10, 1, 2, 8, 5, 11, 12, 4, 15, 13, 8, 11, 5, 6, 15, 0, 3, 4, 7, 2, 12, 1, 10, 14, 9,
        10, 6, 9, 0, 12, 11, 7, 13, 15, 1, 3, 14, 5, 2, 8, 4, 3, 15, 0, 6, 10, 1, 13, 8, 9, 4, 5, 11, 12, 7, 2, 14,
        2, 12, 4, 1, 7, 10, 11, 6, 8, 5, 3, 15, 13, 0, 14, 9, 14, 11, 2, 12, 4, 7, 13, 1, 5, 0, 15, 10, 3, 9, 8, 6,
        4, 2, 1, 11, 10, 13, 7, 8, 15, 9, 12, 5, 6, 3, 0, 14, 11, 8, 12, 7, 1, 14, 2, 13, 6, 15, 0, 9, 10, 4, 5, 3,
        12, 1, 10, 15, 9, 2, 6, 8, 0, 13, 3, 4, 14, 7, 5, 11, 10, 15, 4, 2, 7, 12, 9, 5, 6, 1, 13, 14, 0, 11, 3, 8,
        9, 14, 15, 5, 2, 8, 12, 3, 7, 0, 4, 10, 1, 13, 11, 6, 4, 3, 2, 12, 9, 5, 15, 10, 11, 14, 1, 7, 6, 0, 8, 13,
        4, 11, 2, 14, 15, 0, 8, 13, 3, 12, 9, 7, 5, 10, 6, 1, 13, 0, 11, 7, 4, 9, 1, 10, 14, 3, 5, 12, 2, 15, 8, 6,
        1, 4, 11, 13, 12, 3, 7, 14, 10, 15, 6, 8, 0, 5, 9, 2, 6, 11, 13, 8, 1, 4, 10, 7, 9, 5, 0, 15, 14, 2, 3, 12,
        13, 2, 8, 4, 6, 15, 11, 1, 10, 9, 3, 14, 5, 0, 12, 7, 1, 15, 13, 8, 10, 3, 7, 4, 12, 5, 6, 11, 0, 14, 9, 2,
        7, 11, 4, 1, 9, 12, 14, 2, 0, 6, 10, 13, 15, 3, 5, 8, 2, 1, 14, 7, 4, 10, 8, 13, 15, 12, 9, 0, 3, 5, 6, 11,
    };

    private readonly long[] _subkeys = new long[16];

    /// <summary>Expands the 8-byte key at <paramref name="offset"/> (parity bits are ignored, as FIPS 46-3 says).</summary>
    public void SetKey(byte[] key, int offset)
    {
        var cd = Permute(Read(key, offset), _pc1, 64);
        var c = (cd >> 28) & 0xFFFFFFF;
        var d = cd & 0xFFFFFFF;
        for (var round = 0; round < 16; round++)
        {
            int s = _shifts[round];
            c = ((c << s) | (c >> (28 - s))) & 0xFFFFFFF;
            d = ((d << s) | (d >> (28 - s))) & 0xFFFFFFF;
            _subkeys[round] = Permute((c << 28) | d, _pc2, 56);
        }
    }

    /// <summary>Encrypts one 64-bit block (most significant byte first on the wire).</summary>
    public long EncryptBlock(long block) => Crypt(block, false);

    /// <summary>Decrypts one 64-bit block.</summary>
    public long DecryptBlock(long block) => Crypt(block, true);

    /// <summary>DES-CBC decryption of <paramref name="length"/> bytes (a multiple of 8) in place, with the 8-byte IV <paramref name="iv"/>.</summary>
    public void DecryptCbc(long iv, byte[] data, int offset, int length)
    {
        var previous = iv;
        for (var i = offset; i + BlockSize <= offset + length; i += BlockSize)
        {
            var cipher = Read(data, i);
            Write(DecryptBlock(cipher) ^ previous, data, i);
            previous = cipher;
        }
    }

    /// <summary>Reads 8 bytes as a big-endian 64-bit value.</summary>
    public static long Read(byte[] b, int offset)
    {
        long v = 0;
        for (var k = 0; k < BlockSize; k++)
        {
            v = (v << 8) | b[offset + k];
        }

        return v;
    }

    /// <summary>Writes a 64-bit value as 8 big-endian bytes.</summary>
    public static void Write(long v, byte[] b, int offset)
    {
        for (var k = BlockSize - 1; k >= 0; k--)
        {
            b[offset + k] = (byte)v;
            v >>= 8;
        }
    }

    private long Crypt(long block, bool decrypt)
    {
        var v = Permute(block, _ip, 64);
        var l = (v >> 32) & 0xFFFFFFFFL;
        var r = v & 0xFFFFFFFFL;
        for (var round = 0; round < 16; round++)
        {
            var next = l ^ Feistel(r, _subkeys[decrypt ? 15 - round : round]);
            l = r;
            r = next;
        }

        return Permute((r << 32) | l, _fp, 64);
    }

    private static long Feistel(long r, long subkey)
    {
        var x = Permute(r, _e, 32) ^ subkey;
        long output = 0;
        for (var box = 0; box < 8; box++)
        {
            var six = (int)((x >> (42 - (6 * box))) & 0x3F);
            var row = ((six >> 4) & 0x2) | (six & 0x1);
            var column = (six >> 1) & 0xF;
            output = (output << 4) | _s[(box * 64) + (row * 16) + column];
        }

        return Permute(output, _p, 32);
    }

    /// <summary>Picks the bits named by <paramref name="table"/> (1 = most significant of <paramref name="width"/> bits).</summary>
    private static long Permute(long value, byte[] table, int width)
    {
        long result = 0;
        for (var k = 0; k < table.Length; k++)
        {
            result = (result << 1) | ((value >> (width - table[k])) & 1);
        }

        return result;
    }
}
