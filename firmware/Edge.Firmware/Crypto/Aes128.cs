using System;

namespace Edge.Firmware.Crypto;

/// <summary>
/// The AES-128 block cipher (FIPS-197), portable to nanoFramework: byte arithmetic only, the key schedule
/// expanded once per <see cref="SetKey"/>, and no allocation per block (the state is a per-instance buffer).
/// Modes live in <see cref="AesCbc"/>, <see cref="AesCtr"/> and <see cref="AesCmac"/>. An instance is not
/// thread-safe: give each decoder thread its own.
/// </summary>
public sealed class Aes128
{
    /// <summary>Block size in bytes.</summary>
    public const int BlockSize = 16;

    /// <summary>Key size in bytes.</summary>
    public const int KeySize = 16;

    private const int Rounds = 10;

    // FIPS-197 §5.2: Rcon[i] = x^(i-1) in GF(2^8), i = 1..10.
    private static readonly byte[] _rcon = { 0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x1B, 0x36 };

    private static readonly byte[] _sbox = new byte[256];
    private static readonly byte[] _inverseSbox = new byte[256];

    private readonly byte[] _roundKeys = new byte[BlockSize * (Rounds + 1)];
    private readonly byte[] _state = new byte[BlockSize];
    private readonly byte[] _shifted = new byte[BlockSize];
    private bool _hasKey;

    static Aes128()
    {
        SboxBuilder.Build(_sbox, _inverseSbox);
    }

    /// <summary>Creates a cipher with no key; call <see cref="SetKey"/> before use.</summary>
    public Aes128()
    {
    }

    /// <summary>Creates a cipher keyed with the 16 bytes at <paramref name="offset"/> of <paramref name="key"/>.</summary>
    public Aes128(byte[] key, int offset)
    {
        SetKey(key, offset);
    }

    /// <summary>True once a key is set (and until <see cref="Clear"/>).</summary>
    public bool HasKey => _hasKey;

    /// <summary>
    /// Work space for the modes in this namespace (CTR counter and keystream, CMAC chaining value and last
    /// block): they are static helpers, so the buffers they need live with the cipher they use.
    /// </summary>
    internal byte[] ModeWork { get; } = new byte[4 * BlockSize];

    /// <summary>CMAC subkeys K1 and K2 (RFC 4493 §2.3), cached per key by <see cref="AesCmac"/>.</summary>
    internal byte[] CmacSubkeys { get; } = new byte[2 * BlockSize];

    /// <summary>True when <see cref="CmacSubkeys"/> belong to the current key.</summary>
    internal bool CmacSubkeysValid { get; set; }

    /// <summary>Expands the 16-byte key at <paramref name="offset"/> (FIPS-197 §5.2).</summary>
    public void SetKey(byte[] key, int offset)
    {
        CheckRange(key, offset, KeySize, nameof(key));
        var w = _roundKeys;
        Array.Copy(key, offset, w, 0, KeySize);
        for (var i = KeySize; i < w.Length; i += 4)
        {
            var t0 = w[i - 4];
            var t1 = w[i - 3];
            var t2 = w[i - 2];
            var t3 = w[i - 1];
            if (i % KeySize == 0)
            {
                // SubWord(RotWord(temp)) xor Rcon[i/Nk].
                var first = t0;
                t0 = (byte)(_sbox[t1] ^ _rcon[(i / KeySize) - 1]);
                t1 = _sbox[t2];
                t2 = _sbox[t3];
                t3 = _sbox[first];
            }

            w[i] = (byte)(w[i - KeySize] ^ t0);
            w[i + 1] = (byte)(w[i - KeySize + 1] ^ t1);
            w[i + 2] = (byte)(w[i - KeySize + 2] ^ t2);
            w[i + 3] = (byte)(w[i - KeySize + 3] ^ t3);
        }

        _hasKey = true;
        CmacSubkeysValid = false;
    }

    /// <summary>Overwrites the key schedule and work buffers with zeros.</summary>
    public void Clear()
    {
        Array.Clear(_roundKeys, 0, _roundKeys.Length);
        Array.Clear(_state, 0, BlockSize);
        Array.Clear(_shifted, 0, BlockSize);
        Array.Clear(ModeWork, 0, ModeWork.Length);
        Array.Clear(CmacSubkeys, 0, CmacSubkeys.Length);
        CmacSubkeysValid = false;
        _hasKey = false;
    }

    /// <summary>Encrypts the block at <paramref name="offset"/> in place.</summary>
    public void EncryptBlock(byte[] buffer, int offset) => EncryptBlock(buffer, offset, buffer, offset);

    /// <summary>Decrypts the block at <paramref name="offset"/> in place.</summary>
    public void DecryptBlock(byte[] buffer, int offset) => DecryptBlock(buffer, offset, buffer, offset);

    /// <summary>Encrypts one block (FIPS-197 §5.1); source and destination may be the same bytes.</summary>
    public void EncryptBlock(byte[] source, int sourceOffset, byte[] destination, int destinationOffset)
    {
        CheckReady(source, sourceOffset, destination, destinationOffset);
        var s = _state;
        var t = _shifted;
        AddRoundKey(s, source, sourceOffset, 0);
        for (var round = 1; round <= Rounds; round++)
        {
            // SubBytes and ShiftRows together: row r of column c comes from column c + r (§5.1.2).
            for (var c = 0; c < 4; c++)
            {
                t[4 * c] = _sbox[s[4 * c]];
                t[(4 * c) + 1] = _sbox[s[(4 * ((c + 1) & 3)) + 1]];
                t[(4 * c) + 2] = _sbox[s[(4 * ((c + 2) & 3)) + 2]];
                t[(4 * c) + 3] = _sbox[s[(4 * ((c + 3) & 3)) + 3]];
            }

            if (round < Rounds)
            {
                MixColumns(t);
            }

            AddRoundKey(s, t, 0, round);
        }

        Array.Copy(s, 0, destination, destinationOffset, BlockSize);
    }

    /// <summary>Decrypts one block (FIPS-197 §5.3); source and destination may be the same bytes.</summary>
    public void DecryptBlock(byte[] source, int sourceOffset, byte[] destination, int destinationOffset)
    {
        CheckReady(source, sourceOffset, destination, destinationOffset);
        var s = _state;
        var t = _shifted;
        AddRoundKey(s, source, sourceOffset, Rounds);
        for (var round = Rounds - 1; round >= 0; round--)
        {
            // InvShiftRows and InvSubBytes together: row r of column c moves to column c + r (§5.3.1).
            for (var c = 0; c < 4; c++)
            {
                t[4 * c] = _inverseSbox[s[4 * c]];
                t[(4 * ((c + 1) & 3)) + 1] = _inverseSbox[s[(4 * c) + 1]];
                t[(4 * ((c + 2) & 3)) + 2] = _inverseSbox[s[(4 * c) + 2]];
                t[(4 * ((c + 3) & 3)) + 3] = _inverseSbox[s[(4 * c) + 3]];
            }

            AddRoundKey(s, t, 0, round);
            if (round > 0)
            {
                InverseMixColumns(s);
            }
        }

        Array.Copy(s, 0, destination, destinationOffset, BlockSize);
    }

    internal static void CheckRange(byte[] buffer, int offset, int count, string name)
    {
        if (buffer == null)
        {
            throw new ArgumentNullException(name);
        }

        if (offset < 0 || count < 0 || offset > buffer.Length - count)
        {
            throw new ArgumentOutOfRangeException(name, "offset and count do not fit the buffer");
        }
    }

    // xtime (FIPS-197 §4.2.1): multiply by x modulo x^8 + x^4 + x^3 + x + 1, without a branch on the data.
    private static int Xtime(int b) => ((b << 1) ^ (((b >> 7) & 1) * 0x1B)) & 0xFF;

    private static void MixColumns(byte[] s)
    {
        // §5.1.3, as b_i = a_i ^ t ^ 2(a_i ^ a_i+1) with t the xor of the column.
        for (var i = 0; i < BlockSize; i += 4)
        {
            int a0 = s[i], a1 = s[i + 1], a2 = s[i + 2], a3 = s[i + 3];
            var all = a0 ^ a1 ^ a2 ^ a3;
            s[i] = (byte)(a0 ^ all ^ Xtime(a0 ^ a1));
            s[i + 1] = (byte)(a1 ^ all ^ Xtime(a1 ^ a2));
            s[i + 2] = (byte)(a2 ^ all ^ Xtime(a2 ^ a3));
            s[i + 3] = (byte)(a3 ^ all ^ Xtime(a3 ^ a0));
        }
    }

    private static void InverseMixColumns(byte[] s)
    {
        // §5.3.3: {0b,0d,09,0e} = {03,01,01,02} * {00,04,00,05} mod x^4 + 1, so premultiply, then MixColumns.
        for (var i = 0; i < BlockSize; i += 4)
        {
            var u = Xtime(Xtime(s[i] ^ s[i + 2]));
            var v = Xtime(Xtime(s[i + 1] ^ s[i + 3]));
            s[i] = (byte)(s[i] ^ u);
            s[i + 1] = (byte)(s[i + 1] ^ v);
            s[i + 2] = (byte)(s[i + 2] ^ u);
            s[i + 3] = (byte)(s[i + 3] ^ v);
        }

        MixColumns(s);
    }

    private void AddRoundKey(byte[] destination, byte[] source, int sourceOffset, int round)
    {
        var k = round * BlockSize;
        for (var i = 0; i < BlockSize; i++)
        {
            destination[i] = (byte)(source[sourceOffset + i] ^ _roundKeys[k + i]);
        }
    }

    private void CheckReady(byte[] source, int sourceOffset, byte[] destination, int destinationOffset)
    {
        if (!_hasKey)
        {
            throw new InvalidOperationException("no AES key set");
        }

        CheckRange(source, sourceOffset, BlockSize, nameof(source));
        CheckRange(destination, destinationOffset, BlockSize, nameof(destination));
    }
}
