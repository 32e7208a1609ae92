using System;
using Edge.Firmware.Crypto;

namespace Edge.Firmware.MBus;

/// <summary>
/// <see cref="IWMBusCipher"/> over the portable AES of <c>Edge.Firmware.Crypto</c> (nanoFramework has none), so the
/// same decoder decrypts on the device and on the gateway. One instance per decoding thread; no allocation per
/// telegram after construction (the key is expanded only when it changes).
/// </summary>
public sealed class PortableWMBusCipher : IWMBusCipher
{
    private readonly Aes128 _aes = new Aes128();
    private readonly byte[] _key = new byte[Aes128.KeySize];
    private bool _hasKey;

    /// <inheritdoc />
    public bool DecryptCbc(byte[] key, byte[] iv, byte[] data, int offset, int length)
    {
        if (!Valid(key, data, offset, length) || iv == null || iv.Length < Aes128.BlockSize || length % Aes128.BlockSize != 0)
        {
            return false;
        }

        Use(key);
        AesCbc.Decrypt(_aes, iv, 0, data, offset, length);
        return true;
    }

    /// <inheritdoc />
    public bool TransformCtr(byte[] key, byte[] counter, byte[] data, int offset, int length)
    {
        if (!Valid(key, data, offset, length) || counter == null || counter.Length < Aes128.BlockSize)
        {
            return false;
        }

        Use(key);

        // The whole block counts as one big-endian integer (IWMBusCipher's contract).
        AesCtr.Transform(_aes, counter, 0, 0, Aes128.BlockSize, data, offset, length);
        return true;
    }

    /// <inheritdoc />
    public bool Cmac(byte[] key, byte[] data, int offset, int length, byte[] mac)
    {
        if (!Valid(key, data, offset, length) || mac == null || mac.Length < AesCmac.MacSize)
        {
            return false;
        }

        Use(key);
        AesCmac.Compute(_aes, data, offset, length, mac, 0);
        return true;
    }

    private static bool Valid(byte[] key, byte[] data, int offset, int length) =>
        key != null && key.Length == Aes128.KeySize && data != null && offset >= 0 && length >= 0 && offset <= data.Length - length;

    private void Use(byte[] key)
    {
        if (_hasKey && ConstantTime.AreEqual(_key, 0, key, 0, Aes128.KeySize))
        {
            return;
        }

        Array.Copy(key, _key, Aes128.KeySize);
        _aes.SetKey(_key, 0);
        _hasKey = true;
    }
}
