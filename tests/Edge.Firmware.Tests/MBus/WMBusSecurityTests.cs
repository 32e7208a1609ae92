using System.Security.Cryptography;
using Edge.Firmware.MBus;

namespace Edge.Firmware.Tests.MBus;

/// <summary>
/// Security modes built by hand: the test encrypts with .NET's AES (and the RFC 4493 CMAC of
/// <see cref="DotNetAesCipher"/>) or with DES ciphertext from OpenSSL, and the decoder decrypts with the
/// firmware's own AES and DES. Key derivation and MAC input follow OMS Vol. 2 §9.5 / EN 13757-7.
/// </summary>
public sealed class WMBusSecurityTests
{
    // C=44, M="KAM" (0x2C2D), ID 12345678, version 1B, device type 16 (cold water).
    private const string Link = "442D2C785634121B16";

    // 2F 2F check, volume 04 13 = 0x3039 = 12345 l, fill: one AES block.
    private static readonly byte[] _plain = Convert.FromHexString("2F2F04133930000002FD1700002F2F2F");

    [Theory]
    [InlineData("133457799BBCDFF1", "0123456789ABCDEF", "85E813540F0AB405")] // the worked example of FIPS 46 tutorials
    [InlineData("0E329232EA6D0D73", "8787878787878787", "0000000000000000")] // known answer, checked with OpenSSL
    public void DesCipher_KnownAnswer_EncryptsAndDecrypts(string key, string plain, string cipher)
    {
        var des = new DesCipher();
        des.SetKey(Convert.FromHexString(key), 0);

        Assert.Equal(Convert.ToInt64(cipher, 16), des.EncryptBlock(Convert.ToInt64(plain, 16)));
        Assert.Equal(Convert.ToInt64(plain, 16), des.DecryptBlock(Convert.ToInt64(cipher, 16)));
    }

    [Fact]
    public void TryDecode_Mode2Des_DecryptsWithEightByteKey()
    {
        // CW 0x0210: mode 2, one 16-byte block; ciphertext = OpenSSL des-cbc, key 1122334455667788, IV 0, of _plain.
        var frame = Frame(Link + "7A" + "20" + "00" + "1002" + "44F71187CEB2BF1E40CD0C2ADFCA9C7C");
        var t = new MBusTelegram();

        Assert.True(new WMBusDecoder().TryDecode(frame, 0, frame.Length, Convert.FromHexString("1122334455667788"), t), t.Error);
        Assert.Equal(12.345m, MBusTestText.Exact(t.GetRecord(0)));
        Assert.True(t.Decrypted);
        // 0x88 -> 0x98: a key bit (the low bit of each byte is DES parity and would not change the key).
        Assert.False(new WMBusDecoder().TryDecode(frame, 0, frame.Length, Convert.FromHexString("1122334455667798"), t));
        Assert.Contains("wrong key", t.Error, StringComparison.Ordinal);
        Assert.False(new WMBusDecoder().TryDecode(frame, 0, frame.Length, new byte[16], t));
        Assert.Contains("8-byte key", t.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_Mode7WithAflMac_DecryptsAndChecksMac()
    {
        var key = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");
        var frame = Mode7Frame(key, counter: 0x12345678);
        var t = new MBusTelegram();

        Assert.True(Decoder().TryDecode(frame, 0, frame.Length, key, t), t.Error);
        Assert.Equal(12.345m, MBusTestText.Exact(t.GetRecord(0)));
        Assert.Equal(7, t.SecurityMode);
    }

    [Theory]
    [InlineData(-1, "AFL MAC mismatch")] // last ciphertext byte flipped
    [InlineData(12 + 4, "AFL MAC mismatch")] // message counter changed: another Kmac, and the MAC covers it
    [InlineData(12 + 8, "AFL MAC mismatch")] // a MAC byte flipped
    public void TryDecode_Mode7Tampered_MacMismatch(int index, string error)
    {
        var key = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");
        var frame = Mode7Frame(key, counter: 0x12345678);
        frame[index < 0 ? frame.Length - 1 : index] ^= 0x01;
        var t = new MBusTelegram();

        Assert.False(Decoder().TryDecode(frame, 0, frame.Length, key, t));
        Assert.Contains(error, t.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_Mode7WrongKey_MacMismatch()
    {
        var frame = Mode7Frame(Convert.FromHexString("000102030405060708090A0B0C0D0E0F"), counter: 1);
        var t = new MBusTelegram();

        Assert.False(Decoder().TryDecode(frame, 0, frame.Length, new byte[16], t));
        Assert.Contains("AFL MAC mismatch", t.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_EllAesCtr_DecryptsAndChecksPayloadCrc()
    {
        // CI 8D: CC 20, ACC 30, SN 0x20000001 (bits 29-31 = 1: AES-CTR), then CRC (2, LSB first) + CI 78 + records.
        var key = Convert.FromHexString("00112233445566778899AABBCCDDEEFF");
        var inner = Convert.FromHexString("78" + "0413" + "39300000");
        var crc = WMBusCrc.Compute(inner, 0, inner.Length);
        var payload = new[] { (byte)crc, (byte)(crc >> 8) }.Concat(inner).ToArray();
        var counter = Convert.FromHexString("2D2C" + "785634121B16" + "20" + "01000020" + "0000" + "00");
        new DotNetAesCipher().TransformCtr(key, counter, payload, 0, payload.Length);
        var frame = Frame(Link + "8D" + "20" + "30" + "01000020" + Convert.ToHexString(payload));
        var t = new MBusTelegram();

        Assert.True(Decoder().TryDecode(frame, 0, frame.Length, key, t), t.Error);
        Assert.Equal(12.345m, MBusTestText.Exact(t.GetRecord(0)));
        key[0] ^= 1;
        Assert.False(Decoder().TryDecode(frame, 0, frame.Length, key, t));
        Assert.Contains("payload CRC mismatch", t.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_DiehlOmsFrameWithoutKey_DefaultKeyDecrypts()
    {
        // M = "DME" (0x11A5): the published Diehl default key 51728910E66D83F8 twice.
        var frame = Mode5Frame("44A511785634121B16", Convert.FromHexString("51728910E66D83F851728910E66D83F8"));
        var t = new MBusTelegram();

        Assert.True(Decoder().TryDecode(frame, 0, frame.Length, null, t), t.Error);
        Assert.True(t.DefaultKeyUsed);
        Assert.Equal(12.345m, MBusTestText.Exact(t.GetRecord(0)));
    }

    [Fact]
    public void TryDecode_OtherManufacturerWithoutKey_NoDefaultKey()
    {
        var frame = Mode5Frame(Link, Convert.FromHexString("51728910E66D83F851728910E66D83F8"));
        var t = new MBusTelegram();

        Assert.False(Decoder().TryDecode(frame, 0, frame.Length, null, t));
        Assert.Equal("encrypted payload (security mode 5), key required", t.Error);
    }

    [Fact]
    public void TryDecode_DiehlFrameWithOwnKey_DefaultKeyNotTried()
    {
        var frame = Mode5Frame("44A511785634121B16", Convert.FromHexString("51728910E66D83F851728910E66D83F8"));
        var t = new MBusTelegram();

        Assert.False(Decoder().TryDecode(frame, 0, frame.Length, new byte[16], t));
        Assert.False(t.DefaultKeyUsed);
        Assert.Contains("wrong key", t.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_LastBlockCrcLeftInFrame_DroppedAndFlagged()
    {
        // 0x2F 2F, volume 0x3934 = 14644 l, then the format A CRC of the last block (bytes 10..22) appended, L
        // counting it. Its value 0x01E4 does not parse as a record (DIF 01, VIF E4 wants a VIFE): were it a record,
        // nothing would tell it from one, and the frame would decode with it.
        var body = Convert.FromHexString("00" + Link + "7A" + "20" + "00" + "0000" + "2F2F" + "0413" + "34390000");
        var crc = WMBusCrc.Compute(body, 10, body.Length - 10);
        var frame = body.Concat(new[] { (byte)(crc >> 8), (byte)crc }).ToArray();
        frame[0] = (byte)(frame.Length - 1);
        var t = new MBusTelegram();
        var plain = (byte[])frame.Clone();
        plain[^2] = 0xFF; // no CRC: the same two bytes as a lone DIF 0xFF do not parse

        Assert.True(new WMBusDecoder().TryDecode(frame, 0, frame.Length, null, t), t.Error);
        Assert.True(t.TrailingLinkCrcRemoved);
        Assert.Equal(0x01E4, crc);
        Assert.Equal(1, t.RecordCount);
        Assert.Equal(14.644m, MBusTestText.Exact(t.GetRecord(0)));
        Assert.False(new WMBusDecoder().TryDecode(plain, 0, plain.Length, null, t));
        Assert.False(t.TrailingLinkCrcRemoved);
    }

    private static WMBusDecoder Decoder() => new() { Cipher = new PortableWMBusCipher() };

    /// <summary>Prefixes the L field.</summary>
    private static byte[] Frame(string hex)
    {
        var body = Convert.FromHexString(hex);
        return new[] { (byte)body.Length }.Concat(body).ToArray();
    }

    /// <summary>Mode 5: AES-CBC, IV = M (2) A (6) and 8 × access number 0x20, one block of _plain.</summary>
    private static byte[] Mode5Frame(string link, byte[] key)
    {
        var l = Convert.FromHexString(link);
        var iv = l[1..9].Concat(Enumerable.Repeat((byte)0x20, 8)).ToArray();
        using var aes = Aes.Create();
        aes.Key = key;
        var cipher = aes.EncryptCbc(_plain, iv, PaddingMode.None);
        return Frame(link + "7A" + "20" + "00" + "1005" + Convert.ToHexString(cipher));
    }

    /// <summary>
    /// Mode 7 behind an AFL: FCL 0x2C00 (MCL, MCR and MAC present), MCL 0x25 (AES-CMAC, 8 bytes), the counter,
    /// the MAC, then CI 7A, ACC 20, STS 00, CW 0x0710 (mode 7, one block), CFE 0x10 and the ciphertext.
    /// Kenc/Kmac = CMAC(K, 00/01 | counter | ID | 07 × 7); MAC = CMAC(Kmac, MCL | counter | CI ... end).
    /// </summary>
    private static byte[] Mode7Frame(byte[] key, uint counter)
    {
        var cmac = new DotNetAesCipher();
        var mcr = BitConverter.GetBytes(counter);
        var id = Convert.FromHexString("78563412");
        byte[] Derive(byte d)
        {
            var input = new[] { d }.Concat(mcr).Concat(id).Concat(Enumerable.Repeat((byte)0x07, 7)).ToArray();
            var k = new byte[16];
            cmac.Cmac(key, input, 0, input.Length, k);
            return k;
        }

        using var aes = Aes.Create();
        aes.Key = Derive(0x00);
        var cipher = aes.EncryptCbc(_plain, new byte[16], PaddingMode.None);
        var tpl = Convert.FromHexString("7A" + "20" + "00" + "1007" + "10").Concat(cipher).ToArray();
        var macInput = new byte[] { 0x25 }.Concat(mcr).Concat(tpl).ToArray();
        var mac = new byte[16];
        cmac.Cmac(Derive(0x01), macInput, 0, macInput.Length, mac);
        var afl = new byte[] { 0x90, 0x0F, 0x00, 0x2C, 0x25 }.Concat(mcr).Concat(mac[..8]).ToArray();
        return Frame(Link + Convert.ToHexString(afl) + Convert.ToHexString(tpl));
    }
}
