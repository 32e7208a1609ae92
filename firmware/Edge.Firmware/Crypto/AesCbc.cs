using System;

namespace Edge.Firmware.Crypto;

/// <summary>
/// AES-128 in CBC mode without padding (NIST SP 800-38A §6.2), in place. Wireless M-Bus security mode 5
/// (EN 13757-7) is exactly this: the caller builds the IV from the M and A fields and the access
/// number and passes only the encrypted whole blocks. No allocation: decryption walks the blocks from the
/// last to the first so each still has its ciphertext predecessor to xor with.
/// </summary>
public static class AesCbc
{
    /// <summary>Encrypts <paramref name="count"/> bytes (a multiple of 16) in place with the IV at <paramref name="ivOffset"/>.</summary>
    public static void Encrypt(Aes128 aes, byte[] iv, int ivOffset, byte[] buffer, int offset, int count)
    {
        Check(aes, iv, ivOffset, buffer, offset, count);
        var previous = iv;
        var previousOffset = ivOffset;
        for (var block = offset; block < offset + count; block += Aes128.BlockSize)
        {
            Xor(buffer, block, previous, previousOffset);
            aes.EncryptBlock(buffer, block, buffer, block);
            previous = buffer;
            previousOffset = block;
        }
    }

    /// <summary>Encrypts in place with a 16-byte IV at offset 0 of <paramref name="iv"/>.</summary>
    public static void Encrypt(Aes128 aes, byte[] iv, byte[] buffer, int offset, int count) =>
        Encrypt(aes, iv, 0, buffer, offset, count);

    /// <summary>Decrypts <paramref name="count"/> bytes (a multiple of 16) in place with the IV at <paramref name="ivOffset"/>.</summary>
    public static void Decrypt(Aes128 aes, byte[] iv, int ivOffset, byte[] buffer, int offset, int count)
    {
        Check(aes, iv, ivOffset, buffer, offset, count);
        for (var block = offset + count - Aes128.BlockSize; block >= offset; block -= Aes128.BlockSize)
        {
            aes.DecryptBlock(buffer, block, buffer, block);
            if (block == offset)
            {
                Xor(buffer, block, iv, ivOffset);
            }
            else
            {
                Xor(buffer, block, buffer, block - Aes128.BlockSize);
            }
        }
    }

    /// <summary>Decrypts in place with a 16-byte IV at offset 0 of <paramref name="iv"/>.</summary>
    public static void Decrypt(Aes128 aes, byte[] iv, byte[] buffer, int offset, int count) =>
        Decrypt(aes, iv, 0, buffer, offset, count);

    private static void Xor(byte[] target, int targetOffset, byte[] source, int sourceOffset)
    {
        for (var i = 0; i < Aes128.BlockSize; i++)
        {
            target[targetOffset + i] ^= source[sourceOffset + i];
        }
    }

    private static void Check(Aes128 aes, byte[] iv, int ivOffset, byte[] buffer, int offset, int count)
    {
        if (aes == null)
        {
            throw new ArgumentNullException(nameof(aes));
        }

        Aes128.CheckRange(iv, ivOffset, Aes128.BlockSize, nameof(iv));
        Aes128.CheckRange(buffer, offset, count, nameof(buffer));
        if (count % Aes128.BlockSize != 0)
        {
            throw new ArgumentException("CBC without padding needs whole 16-byte blocks", nameof(count));
        }
    }
}
