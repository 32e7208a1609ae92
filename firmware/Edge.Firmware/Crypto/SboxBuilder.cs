namespace Edge.Firmware.Crypto;

/// <summary>
/// Builds the AES S-box and its inverse from their definition (FIPS-197 §5.1.1) rather than typing 512
/// constants: multiplicative inverse in GF(2^8), then the affine transformation with c = 0x63.
/// </summary>
internal static class SboxBuilder
{
    /// <summary>Fills <paramref name="sbox"/> and <paramref name="inverse"/> (256 bytes each).</summary>
    public static void Build(byte[] sbox, byte[] inverse)
    {
        // Walk the powers of the generator 0x03 to build log/antilog tables, then inverse = g^(255 - log).
        var exp = new byte[256];
        var log = new byte[256];
        var p = 1;
        for (var i = 0; i < 255; i++)
        {
            exp[i] = (byte)p;
            log[p] = (byte)i;
            p ^= ((p << 1) ^ (((p >> 7) & 1) * 0x1B)) & 0xFF;
        }

        for (var x = 0; x < 256; x++)
        {
            var b = x == 0 ? 0 : exp[(255 - log[x]) % 255];
            var s = b ^ RotateLeft(b, 1) ^ RotateLeft(b, 2) ^ RotateLeft(b, 3) ^ RotateLeft(b, 4) ^ 0x63;
            sbox[x] = (byte)s;
            inverse[s] = (byte)x;
        }
    }

    private static int RotateLeft(int b, int n) => ((b << n) | (b >> (8 - n))) & 0xFF;
}
