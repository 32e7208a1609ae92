namespace Edge.Firmware.MBus;

/// <summary>
/// The seam to the AES-128 implementation (firmware/Edge.Firmware/Crypto, or .NET's Aes on the gateway).
/// <see cref="WMBusDecoder"/> builds keys, IVs and counters per EN 13757-4 / OMS Vol. 2 §9 and calls these;
/// implementations only run the block cipher modes. All work in place and return false instead of throwing.
/// </summary>
public interface IWMBusCipher
{
    /// <summary>AES-128-CBC decryption of <paramref name="length"/> bytes (a multiple of 16) in place, no padding.</summary>
    bool DecryptCbc(byte[] key, byte[] iv, byte[] data, int offset, int length);

    /// <summary>
    /// AES-128-CTR of <paramref name="length"/> bytes in place: keystream block k is AES(key, counter + k) where
    /// <paramref name="counter"/> is the 16-byte initial block incremented as a big-endian integer.
    /// </summary>
    bool TransformCtr(byte[] key, byte[] counter, byte[] data, int offset, int length);

    /// <summary>AES-128-CMAC (RFC 4493) of <paramref name="length"/> bytes into the 16 bytes of <paramref name="mac"/>.</summary>
    bool Cmac(byte[] key, byte[] data, int offset, int length, byte[] mac);
}
