using System;

namespace Edge.Firmware.Crypto;

/// <summary>
/// AES-CMAC (RFC 4493, = NIST SP 800-38B with AES-128). OMS security mode 7 uses it twice: to derive the
/// per-message encryption and MAC keys from the meter key (OMS 4.x KDF, CMAC over a 16-byte input), and
/// to authenticate the telegram (AFL MAC, truncated to 8 bytes). The subkeys K1 and K2 are cached in the
/// <see cref="Aes128"/> instance until its key changes; no allocation per message.
/// </summary>
public static class AesCmac
{
    /// <summary>Length of a full MAC in bytes.</summary>
    public const int MacSize = Aes128.BlockSize;

    // RFC 4493 §2.3: R_128 = 0^120 || 10000111.
    private const int Rb = 0x87;

    /// <summary>Writes the 16-byte CMAC of <paramref name="count"/> bytes at <paramref name="offset"/> (any length, 0 included) to <paramref name="mac"/> at <paramref name="macOffset"/>.</summary>
    public static void Compute(Aes128 aes, byte[] message, int offset, int count, byte[] mac, int macOffset)
    {
        if (aes == null)
        {
            throw new ArgumentNullException(nameof(aes));
        }

        Aes128.CheckRange(message, offset, count, nameof(message));
        Aes128.CheckRange(mac, macOffset, MacSize, nameof(mac));
        var subkeys = Subkeys(aes);

        // Work layout: [0,16) X, the CBC-MAC chaining value; [16,32) the last block M_last (§2.4 steps 2-4).
        var work = aes.ModeWork;
        const int Last = Aes128.BlockSize;
        var blocks = (count + Aes128.BlockSize - 1) / Aes128.BlockSize;
        var complete = count > 0 && count % Aes128.BlockSize == 0;
        if (blocks == 0)
        {
            blocks = 1;
        }

        Array.Clear(work, 0, Aes128.BlockSize);
        for (var block = 0; block < blocks - 1; block++)
        {
            var start = offset + (block * Aes128.BlockSize);
            for (var i = 0; i < Aes128.BlockSize; i++)
            {
                work[i] ^= message[start + i];
            }

            aes.EncryptBlock(work, 0, work, 0);
        }

        var lastStart = offset + ((blocks - 1) * Aes128.BlockSize);
        var lastLength = count - ((blocks - 1) * Aes128.BlockSize);
        var subkey = complete ? 0 : Aes128.BlockSize;
        for (var i = 0; i < Aes128.BlockSize; i++)
        {
            // padding(x) = x || 10^i for an incomplete (or empty) last block, then xor K1 or K2.
            int m = i < lastLength ? message[lastStart + i] : (i == lastLength ? 0x80 : 0);
            work[Last + i] = (byte)(work[i] ^ m ^ subkeys[subkey + i]);
        }

        aes.EncryptBlock(work, Last, mac, macOffset);
    }

    /// <summary>
    /// True when the first <paramref name="macLength"/> bytes (1..16; OMS mode 7 sends 8) of the CMAC of the
    /// message equal the bytes at <paramref name="expectedOffset"/>, compared in constant time.
    /// </summary>
    public static bool Verify(Aes128 aes, byte[] message, int offset, int count, byte[] expected, int expectedOffset, int macLength)
    {
        if (macLength < 1 || macLength > MacSize)
        {
            throw new ArgumentOutOfRangeException(nameof(macLength), "a CMAC is 1 to 16 bytes");
        }

        Aes128.CheckRange(expected, expectedOffset, macLength, nameof(expected));
        var work = aes.ModeWork;
        const int Tag = 2 * Aes128.BlockSize;
        Compute(aes, message, offset, count, work, Tag);
        return ConstantTime.AreEqual(work, Tag, expected, expectedOffset, macLength);
    }

    private static byte[] Subkeys(Aes128 aes)
    {
        var k = aes.CmacSubkeys;
        if (aes.CmacSubkeysValid)
        {
            return k;
        }

        // RFC 4493 §2.3: L = AES-128(K, 0^128); K1 = L << 1 (xor Rb if MSB(L)); K2 = K1 << 1 likewise.
        Array.Clear(k, 0, Aes128.BlockSize);
        aes.EncryptBlock(k, 0, k, 0);
        DoubleInto(k, 0, k, 0);
        DoubleInto(k, 0, k, Aes128.BlockSize);
        aes.CmacSubkeysValid = true;
        return k;
    }

    private static void DoubleInto(byte[] source, int sourceOffset, byte[] destination, int destinationOffset)
    {
        var msb = source[sourceOffset] >> 7;
        for (var i = 0; i < Aes128.BlockSize - 1; i++)
        {
            destination[destinationOffset + i] = (byte)((source[sourceOffset + i] << 1) | (source[sourceOffset + i + 1] >> 7));
        }

        // Branch-free conditional xor with Rb, so the subkey step does not time the key's top bit.
        destination[destinationOffset + Aes128.BlockSize - 1] = (byte)((source[sourceOffset + Aes128.BlockSize - 1] << 1) ^ (msb * Rb));
    }
}
