using System;

namespace Edge.Firmware.Crypto;

/// <summary>
/// AES-128 in counter mode (NIST SP 800-38A §6.5), in place; encryption and decryption are the same
/// transform. The caller gives the initial counter block and which bytes of it form the counter, because
/// protocols differ: SP 800-38A's examples count over the whole block, while the wireless M-Bus ELL
/// (EN 13757-4 and OMS Vol. 2) builds the block from M, A, CC, SN and FN and counts only its last byte (BC).
/// The counter is big-endian within its bytes and wraps modulo 2^(8 × length) without touching the others.
/// </summary>
public static class AesCtr
{
    /// <summary>
    /// Xors <paramref name="count"/> bytes at <paramref name="offset"/> (any length; the last block may be
    /// partial) with the keystream E(T1), E(T2), ... where T1 is the 16 bytes at
    /// <paramref name="counterBlock"/>[<paramref name="counterBlockOffset"/>] and each next block adds one
    /// to bytes [<paramref name="incrementOffset"/>, <paramref name="incrementOffset"/> +
    /// <paramref name="incrementLength"/>) of it. The caller's counter block is not modified.
    /// </summary>
    public static void Transform(
        Aes128 aes,
        byte[] counterBlock,
        int counterBlockOffset,
        int incrementOffset,
        int incrementLength,
        byte[] buffer,
        int offset,
        int count)
    {
        if (aes == null)
        {
            throw new ArgumentNullException(nameof(aes));
        }

        Aes128.CheckRange(counterBlock, counterBlockOffset, Aes128.BlockSize, nameof(counterBlock));
        Aes128.CheckRange(buffer, offset, count, nameof(buffer));
        if (incrementLength < 1 || incrementOffset < 0 || incrementOffset + incrementLength > Aes128.BlockSize)
        {
            throw new ArgumentOutOfRangeException(nameof(incrementLength), "the counter bytes must lie within the 16-byte block");
        }

        // Work layout: [0,16) counter, [16,32) keystream.
        var work = aes.ModeWork;
        const int Keystream = Aes128.BlockSize;
        Array.Copy(counterBlock, counterBlockOffset, work, 0, Aes128.BlockSize);
        var position = offset;
        var end = offset + count;
        while (position < end)
        {
            aes.EncryptBlock(work, 0, work, Keystream);
            var n = end - position < Aes128.BlockSize ? end - position : Aes128.BlockSize;
            for (var i = 0; i < n; i++)
            {
                buffer[position + i] ^= work[Keystream + i];
            }

            position += n;
            Increment(work, incrementOffset, incrementLength);
        }
    }

    /// <summary>Transform with the whole 16-byte block as the counter (SP 800-38A Appendix B.1 standard incrementing).</summary>
    public static void Transform(Aes128 aes, byte[] counterBlock, byte[] buffer, int offset, int count) =>
        Transform(aes, counterBlock, 0, 0, Aes128.BlockSize, buffer, offset, count);

    private static void Increment(byte[] block, int start, int length)
    {
        for (var i = start + length - 1; i >= start; i--)
        {
            block[i]++;
            if (block[i] != 0)
            {
                return;
            }
        }
    }
}
