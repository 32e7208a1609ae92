namespace Edge.Firmware.MBus;

/// <summary>
/// The decryption step between the transport header and the records: security modes 5 and 7 of
/// EN 13757-7 §9 / OMS Vol. 2 §9.4-9.5, and the ELL AES-CTR of EN 13757-4 §13 / OMS Vol. 2 §9.3.
/// AES itself is behind <see cref="IWMBusCipher"/>. Scratch buffers are reused: not thread-safe.
/// </summary>
internal sealed class WMBusSecurity
{
    private readonly byte[] _iv = new byte[16];
    private readonly byte[] _block = new byte[16];
    private readonly byte[] _derived = new byte[16];

    /// <summary>The AES implementation, or null while none is available.</summary>
    public IWMBusCipher? Cipher;

    /// <summary>
    /// Makes the TPL payload <c>t.Buffer[i..end)</c> plain for security mode 5 or 7. Pre-decrypted payloads
    /// (starting with the 2F 2F check bytes) pass only when no key is configured (conformance README).
    /// <paramref name="messageCounter"/> is the AFL message counter for mode 7, -1 when absent.
    /// </summary>
    public bool DecryptTpl(MBusTelegram t, int i, int end, byte[]? key, int mField, byte[] aField, long messageCounter)
    {
        var mode = t.SecurityMode;
        var blocks = (t.ConfigurationWord >> 4) & 0x0F; // CW bits 4-7: number of encrypted blocks (modes 5 and 7)
        var b = t.Buffer;
        var length = blocks * 16;
        if (length == 0 || i + length > end)
        {
            return t.Fail("security mode " + mode.ToString() + ": " + blocks.ToString() + " encrypted blocks do not fit the " + (end - i).ToString() + " payload bytes");
        }

        if (b[i] == 0x2F && b[i + 1] == 0x2F)
        {
            if (key != null)
            {
                return t.Fail("payload marked encrypted (security mode " + mode.ToString() + ") is already plaintext while a key is configured: rejected");
            }

            t.Decrypted = true;
            return true;
        }

        if (key == null)
        {
            return t.Fail("encrypted payload (security mode " + mode.ToString() + "), key required");
        }

        if (Cipher == null)
        {
            return t.Fail("encrypted payload (security mode " + mode.ToString() + "), decryption not available");
        }

        var aesKey = key;
        if (mode == 5)
        {
            // Mode 5 IV: M field (2), A field (6: ID, version, device type), then 8 × access number.
            _iv[0] = (byte)mField;
            _iv[1] = (byte)(mField >> 8);
            System.Array.Copy(aField, 0, _iv, 2, 6);
            for (var k = 8; k < 16; k++)
            {
                _iv[k] = (byte)t.AccessNumber;
            }
        }
        else
        {
            if (messageCounter < 0)
            {
                return t.Fail("security mode 7 needs the AFL message counter, none present");
            }

            // OMS Vol. 2 §9.5.3: Kenc = CMAC(K, 0x00 | message counter (LSB first) | ID (LSB first) | 0x07 × 7); IV = 0.
            _block[0] = 0x00;
            for (var k = 0; k < 4; k++)
            {
                _block[1 + k] = (byte)(messageCounter >> (8 * k));
                _block[5 + k] = aField[k];
            }

            for (var k = 9; k < 16; k++)
            {
                _block[k] = 0x07;
            }

            if (!Cipher.Cmac(key, _block, 0, 16, _derived))
            {
                return t.Fail("security mode 7: key derivation failed");
            }

            aesKey = _derived;
            System.Array.Clear(_iv, 0, 16);
        }

        if (!Cipher.DecryptCbc(aesKey, _iv, b, i, length))
        {
            return t.Fail("security mode " + mode.ToString() + ": decryption failed");
        }

        if (b[i] != 0x2F || b[i + 1] != 0x2F)
        {
            return t.Fail("security mode " + mode.ToString() + ": decrypted payload does not start with 2F 2F (wrong key or tampered frame)");
        }

        t.Decrypted = true;
        return true;
    }

    /// <summary>
    /// ELL II (CI 0x8D) with ENC = 1: the bytes from the payload CRC at <paramref name="i"/> to the end are AES-CTR
    /// encrypted; afterwards the CRC must match. A payload whose CRC already matches is pre-decrypted.
    /// </summary>
    public bool DecryptEll(MBusTelegram t, int i, int end, byte[]? key, int mField, byte[] aField, int cc, uint sn)
    {
        var b = t.Buffer;
        if (PayloadCrcOk(b, i, end))
        {
            if (key != null)
            {
                return t.Fail("ELL payload marked encrypted is already plaintext while a key is configured: rejected");
            }

            t.Decrypted = true;
            return true;
        }

        if (key == null)
        {
            return t.Fail("encrypted payload (ELL AES-CTR), key required");
        }

        if (Cipher == null)
        {
            return t.Fail("encrypted payload (ELL AES-CTR), decryption not available");
        }

        // Counter block: M (2), A (6), CC, SN (4), frame number 0 (2), block counter 0.
        _iv[0] = (byte)mField;
        _iv[1] = (byte)(mField >> 8);
        System.Array.Copy(aField, 0, _iv, 2, 6);
        _iv[8] = (byte)cc;
        for (var k = 0; k < 4; k++)
        {
            _iv[9 + k] = (byte)(sn >> (8 * k));
        }

        _iv[13] = 0;
        _iv[14] = 0;
        _iv[15] = 0;
        if (!Cipher.TransformCtr(key, _iv, b, i, end - i))
        {
            return t.Fail("ELL AES-CTR: decryption failed");
        }

        if (!PayloadCrcOk(b, i, end))
        {
            return t.Fail("ELL payload CRC mismatch after decryption (wrong key or tampered frame)");
        }

        t.Decrypted = true;
        return true;
    }

    /// <summary>The 2-byte payload CRC at <paramref name="i"/> (least significant byte first) over the rest.</summary>
    private static bool PayloadCrcOk(byte[] b, int i, int end) =>
        end - i >= 2 && WMBusCrc.Compute(b, i + 2, end - i - 2) == (b[i] | (b[i + 1] << 8));
}
