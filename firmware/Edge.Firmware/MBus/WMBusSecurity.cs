using Edge.Firmware.MBus.Manufacturers;

namespace Edge.Firmware.MBus;

/// <summary>
/// The decryption step between the transport header and the records: security modes 2, 5 and 7 of
/// EN 13757-7 §9 / OMS Vol. 2 §9.4-9.5 (mode 7 with the AFL MAC check), and the ELL AES-CTR of EN 13757-4 §13 /
/// OMS Vol. 2 §9.3. AES itself is behind <see cref="IWMBusCipher"/>; DES (mode 2) is <see cref="DesCipher"/>.
/// Scratch buffers are reused: not thread-safe.
/// </summary>
internal sealed class WMBusSecurity
{
    private readonly byte[] _iv = new byte[16];
    private readonly byte[] _block = new byte[16];
    private readonly byte[] _derived = new byte[16];
    private readonly byte[] _mac = new byte[16];
    private readonly byte[] _macInput = new byte[MBusTelegram.BufferSize + 8];
    private DesCipher? _des;

    /// <summary>The AES implementation, or null while none is available.</summary>
    public IWMBusCipher? Cipher;

    /// <summary>
    /// Makes the TPL payload <c>t.Buffer[i..end)</c> plain for security mode 2, 5 or 7. Pre-decrypted payloads
    /// (starting with the 2F 2F check bytes) pass only when no key is configured (conformance README). Without
    /// a key, a manufacturer's published default key is tried (see <see cref="ManufacturerFormats.DefaultKey"/>).
    /// </summary>
    public bool DecryptTpl(MBusTelegram t, int i, int end, byte[]? key, int mField, byte[] aField, AflHeader afl)
    {
        var mode = t.SecurityMode;
        var blocks = (t.ConfigurationWord >> 4) & 0x0F; // CW bits 4-7: number of encrypted 16-byte blocks
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

        if (key == null && mode == 5)
        {
            key = ManufacturerFormats.DefaultKey(t);
            t.DefaultKeyUsed = key != null;
        }

        if (key == null)
        {
            return t.Fail("encrypted payload (security mode " + mode.ToString() + "), key required");
        }

        if (mode == 2)
        {
            return DecryptDes(t, i, length, key);
        }

        if (key.Length != 16)
        {
            return t.Fail("security mode " + mode.ToString() + " needs a 16-byte AES key, the configured key has " + key.Length.ToString() + " bytes");
        }

        if (Cipher == null)
        {
            return t.Fail("encrypted payload (security mode " + mode.ToString() + "), decryption not available");
        }

        var aesKey = key;
        if (mode == 5)
        {
            ModeFiveIv(mField, aField, t.AccessNumber);
        }
        else
        {
            if (!afl.Present || afl.MessageCounter < 0)
            {
                return t.Fail("security mode 7 needs the AFL message counter, none present");
            }

            if (!Derive(key, 0x01, afl.MessageCounter, aField) || !MacMatches(t, afl, end))
            {
                return false;
            }

            if (!Derive(key, 0x00, afl.MessageCounter, aField))
            {
                return false;
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
            return t.Fail(t.DefaultKeyUsed
                ? "encrypted payload (security mode 5), key required: the manufacturer's default key does not decrypt it"
                : "security mode " + mode.ToString() + ": decrypted payload does not start with 2F 2F (wrong key or tampered frame)");
        }

        t.Decrypted = true;
        return true;
    }

    /// <summary>
    /// AES-128-CBC decryption of <paramref name="length"/> bytes at <paramref name="offset"/> with the IV of security
    /// mode 5 (M field, A field, 8 × access number), for manufacturer layouts that use it; a key is required.
    /// </summary>
    public bool DecryptCbcWithIvOfMode5(MBusTelegram t, byte[]? key, int mField, byte[] aField, int offset, int length, string what)
    {
        if (key == null)
        {
            return t.Fail("encrypted payload (" + what + "), key required");
        }

        if (key.Length != 16)
        {
            return t.Fail(what + " needs a 16-byte AES key, the configured key has " + key.Length.ToString() + " bytes");
        }

        if (Cipher == null)
        {
            return t.Fail("encrypted payload (" + what + "), decryption not available");
        }

        ModeFiveIv(mField, aField, t.AccessNumber);
        if (!Cipher.DecryptCbc(key, _iv, t.Buffer, offset, length))
        {
            return t.Fail(what + ": decryption failed");
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

        if (key.Length != 16)
        {
            return t.Fail("ELL AES-CTR needs a 16-byte AES key, the configured key has " + key.Length.ToString() + " bytes");
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

    /// <summary>Security mode 2 (EN 13757-7 table 47, deprecated): DES-CBC with IV 0 and an 8-byte key.</summary>
    private bool DecryptDes(MBusTelegram t, int i, int length, byte[] key)
    {
        if (key.Length != DesCipher.BlockSize)
        {
            return t.Fail("security mode 2 (DES) needs an 8-byte key, the configured key has " + key.Length.ToString() + " bytes");
        }

        if (_des == null)
        {
            _des = new DesCipher();
        }

        _des.SetKey(key, 0);
        _des.DecryptCbc(0, t.Buffer, i, length);
        if (t.Buffer[i] != 0x2F || t.Buffer[i + 1] != 0x2F)
        {
            return t.Fail("security mode 2: decrypted payload does not start with 2F 2F (wrong key or tampered frame)");
        }

        t.Decrypted = true;
        return true;
    }

    /// <summary>Mode 5 IV: M field (2), A field (6: ID, version, device type), then 8 × access number.</summary>
    private void ModeFiveIv(int mField, byte[] aField, int accessNumber)
    {
        _iv[0] = (byte)mField;
        _iv[1] = (byte)(mField >> 8);
        System.Array.Copy(aField, 0, _iv, 2, 6);
        for (var k = 8; k < 16; k++)
        {
            _iv[k] = (byte)accessNumber;
        }
    }

    /// <summary>
    /// OMS Vol. 2 §9.5.3 key derivation into <c>_derived</c>: CMAC(K, D | message counter (LSB first) | ID (LSB
    /// first) | 0x07 × 7) with D = 0x00 for the encryption key, 0x01 for the MAC key (meter to collector).
    /// </summary>
    private bool Derive(byte[] key, int constant, long messageCounter, byte[] aField)
    {
        _block[0] = (byte)constant;
        for (var k = 0; k < 4; k++)
        {
            _block[1 + k] = (byte)(messageCounter >> (8 * k));
            _block[5 + k] = aField[k];
        }

        for (var k = 9; k < 16; k++)
        {
            _block[k] = 0x07;
        }

        return Cipher!.Cmac(key, _block, 0, 16, _derived);
    }

    /// <summary>
    /// EN 13757-7 / OMS Vol. 2 §9.5.5: AFL.MAC = CMAC(Kmac, AFL.MCL | AFL.MCR | AFL.ML (if present) | every byte
    /// from the CI after the AFL to the end), truncated to the AFL's MAC length. With <c>_derived</c> = Kmac.
    /// </summary>
    private bool MacMatches(MBusTelegram t, AflHeader afl, int end)
    {
        if (afl.MacOffset < 0)
        {
            return t.Fail("security mode 7 needs the AFL MAC, none present");
        }

        var b = t.Buffer;
        var n = 0;
        _macInput[n++] = (byte)afl.MessageControl;
        System.Array.Copy(b, afl.CounterOffset, _macInput, n, 4);
        n += 4;
        if (afl.LengthOffset >= 0)
        {
            _macInput[n++] = b[afl.LengthOffset];
            _macInput[n++] = b[afl.LengthOffset + 1];
        }

        System.Array.Copy(b, afl.NextOffset, _macInput, n, end - afl.NextOffset);
        n += end - afl.NextOffset;
        if (!Cipher!.Cmac(_derived, _macInput, 0, n, _mac))
        {
            return t.Fail("security mode 7: MAC calculation failed");
        }

        for (var k = 0; k < afl.MacLength; k++)
        {
            if (_mac[k] != b[afl.MacOffset + k])
            {
                return t.Fail("security mode 7: AFL MAC mismatch (wrong key or tampered frame)");
            }
        }

        return true;
    }

    /// <summary>The 2-byte payload CRC at <paramref name="i"/> (least significant byte first) over the rest.</summary>
    private static bool PayloadCrcOk(byte[] b, int i, int end) =>
        end - i >= 2 && WMBusCrc.Compute(b, i + 2, end - i - 2) == (b[i] | (b[i + 1] << 8));
}
