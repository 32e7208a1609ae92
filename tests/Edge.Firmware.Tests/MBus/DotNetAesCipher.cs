using System.Security.Cryptography;
using Edge.Firmware.MBus;

namespace Edge.Firmware.Tests.MBus;

/// <summary>
/// <see cref="IWMBusCipher"/> over .NET's <see cref="Aes"/>, to exercise the decryption seam until the portable
/// AES of firmware/Edge.Firmware/Crypto lands. CMAC is RFC 4493 §2.3-2.4 on top of AES-ECB.
/// </summary>
internal sealed class DotNetAesCipher : IWMBusCipher
{
    public bool DecryptCbc(byte[] key, byte[] iv, byte[] data, int offset, int length)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        var plain = aes.DecryptCbc(data.AsSpan(offset, length), iv, PaddingMode.None);
        plain.CopyTo(data, offset);
        return true;
    }

    public bool TransformCtr(byte[] key, byte[] counter, byte[] data, int offset, int length)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        var block = (byte[])counter.Clone();
        for (var done = 0; done < length; done += 16)
        {
            var stream = aes.EncryptEcb(block, PaddingMode.None);
            for (var k = 0; k < 16 && done + k < length; k++)
            {
                data[offset + done + k] ^= stream[k];
            }

            for (var k = 15; k >= 0 && ++block[k] == 0; k--)
            {
            }
        }

        return true;
    }

    public bool Cmac(byte[] key, byte[] data, int offset, int length, byte[] mac)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        var l = aes.EncryptEcb(new byte[16], PaddingMode.None);
        var k1 = Shift(l);
        var k2 = Shift(k1);
        var n = Math.Max(1, (length + 15) / 16);
        var last = new byte[16];
        var complete = length > 0 && length % 16 == 0;
        var lastStart = offset + ((n - 1) * 16);
        var lastLength = length - ((n - 1) * 16);
        Array.Copy(data, lastStart, last, 0, lastLength);
        if (!complete)
        {
            last[lastLength] = 0x80;
        }

        var sub = complete ? k1 : k2;
        var x = new byte[16];
        for (var blockIndex = 0; blockIndex < n; blockIndex++)
        {
            for (var k = 0; k < 16; k++)
            {
                x[k] ^= blockIndex == n - 1 ? (byte)(last[k] ^ sub[k]) : data[offset + (blockIndex * 16) + k];
            }

            x = aes.EncryptEcb(x, PaddingMode.None);
        }

        x.CopyTo(mac, 0);
        return true;
    }

    private static byte[] Shift(byte[] input)
    {
        var output = new byte[16];
        for (var k = 0; k < 16; k++)
        {
            output[k] = (byte)((input[k] << 1) | (k < 15 ? input[k + 1] >> 7 : 0));
        }

        if ((input[0] & 0x80) != 0)
        {
            output[15] ^= 0x87;
        }

        return output;
    }
}
