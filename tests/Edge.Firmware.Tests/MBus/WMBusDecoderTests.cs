using Edge.Firmware.MBus;

namespace Edge.Firmware.Tests.MBus;

/// <summary>Hand-built wireless frames (EN 13757-4 / OMS rules), expected values worked out by hand.</summary>
public sealed class WMBusDecoderTests
{
    // L C=44 M="KAM" (11<<10 | 1<<5 | 13 = 0x2C2D) ID 12345678 ver 1B type 16 (cold water) CI 7A ACC 20 STS 00.
    private const string Head = "442D2C785634121B16" + "7A" + "2000";

    [Fact]
    public void Compute_CheckString_MatchesCrc16En13757CatalogueValue()
    {
        // CRC RevEng catalogue, CRC-16/EN-13757: check value for "123456789" is 0xC2B7.
        var data = "123456789"u8.ToArray();

        Assert.Equal(0xC2B7, WMBusCrc.Compute(data, 0, data.Length));
    }

    [Fact]
    public void TryDecode_PlainShortHeader_HeaderAndVolume()
    {
        var t = Decode(Frame("0000" + "2F2F" + "0413" + "39300000"), key: null); // 0x3039 = 12345 l

        Assert.True(t.Ok, t.Error);
        Assert.Equal("KAM", t.Manufacturer);
        Assert.Equal("12345678", t.Id);
        Assert.Equal(0x16, t.DeviceType);
        Assert.Equal(0x20, t.AccessNumber);
        Assert.Equal(12.345m, MBusTestText.Exact(t.GetRecord(0)));
    }

    [Fact]
    public void TryDecode_WithFormatACrcs_SameAsWithout()
    {
        var clean = MBusTestText.Hex(Frame("0000" + "2F2F" + "0413" + "39300000" + "2F2F2F2F2F2F2F2F"));
        var withCrc = AddFormatACrcs(clean);
        var t = new MBusTelegram();

        Assert.True(new WMBusDecoder().TryDecode(withCrc, 0, withCrc.Length, null, t), t.Error);
        Assert.Equal(clean, t.Buffer.AsSpan(0, t.Length).ToArray());
    }

    [Fact]
    public void TryDecode_Mode5PreDecryptedWithoutKey_Accepted()
    {
        var t = Decode(Frame("1005" + "2F2F" + "0413" + "39300000" + "2F2F2F2F2F2F2F2F"), key: null); // CW 0x0510: 1 block

        Assert.True(t.Ok, t.Error);
        Assert.True(t.Decrypted);
    }

    [Fact]
    public void TryDecode_Mode5PreDecryptedWithKey_Rejected()
    {
        var t = Decode(Frame("1005" + "2F2F" + "0413" + "39300000" + "2F2F2F2F2F2F2F2F"), key: new byte[16]);

        Assert.False(t.Ok);
        Assert.Contains("already plaintext while a key is configured", t.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_Mode5EncryptedWithoutCipher_SaysDecryptionNotAvailable()
    {
        var t = Decode(Frame("1005" + "00112233445566778899AABBCCDDEEFF"), key: new byte[16]);

        Assert.Equal("encrypted payload (security mode 5), decryption not available", t.Error);
    }

    [Fact]
    public void TryDecode_Mode5Encrypted_CipherGetsIvFromMAndAFieldsAndAccessNumber()
    {
        var cipher = new RecordingCipher();
        var bytes = MBusTestText.Hex(Frame("1005" + "00112233445566778899AABBCCDDEEFF"));
        var t = new MBusTelegram();

        new WMBusDecoder { Cipher = cipher }.TryDecode(bytes, 0, bytes.Length, new byte[16], t);

        // OMS Vol. 2 §9.4.2: IV = M (2) | A (ID 4, version, type) | 8 × access number.
        Assert.Equal("2D2C785634121B16" + "2020202020202020", Convert.ToHexString(cipher.Iv!));
        Assert.Equal(16, cipher.Length);
        Assert.Contains("does not start with 2F 2F", t.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0A44", "frame too short")]
    [InlineData("FF442D2C785634121B167A200000", "length mismatch: L = 255")]
    [InlineData("0C442D2C785634121B16A20000", "manufacturer specific CI field 0xA2")]
    [InlineData("0B442D2C785634121B167A20", "transport header truncated")]
    [InlineData("0E442D2C785634121B167A20000003", "unsupported security mode 3")]
    public void TryDecode_BadFrames_ClearError(string hex, string error)
    {
        var t = Decode(hex, key: null);

        Assert.False(t.Ok);
        Assert.Contains(error, t.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_TechemCiA2_TotalIsBillingPlusSince()
    {
        // L C=44 M "TCH" (20<<10 | 3<<5 | 8 = 0x5068) ID 12345678 version 74 type 62, CI A2: status 00, billing date
        // 0000, billing volume 0x0059 = 8.9 m3, current date 0000, since billing 0x0031 = 4.9 m3; total 13.8 m3.
        var t = Decode("13" + "446850785634127462" + "A2" + "00" + "0000" + "5900" + "0000" + "3100", key: null);

        Assert.True(t.Ok, t.Error);
        Assert.Equal(13.8m, MBusTestText.Exact(WMBusWaterTotal.Find(t)!));
        Assert.Equal(8.9m, MBusTestText.Exact(t.GetRecord(0)));
        Assert.Equal(1, t.GetRecord(0).StorageNumber);
    }

    private static MBusTelegram Decode(string hex, byte[]? key)
    {
        var bytes = MBusTestText.Hex(hex);
        var t = new MBusTelegram();
        new WMBusDecoder().TryDecode(bytes, 0, bytes.Length, key, t);
        return t;
    }

    /// <summary>Head plus the rest (CW and payload), with the L field counted here.</summary>
    private static string Frame(string rest)
    {
        var body = Head + rest;
        return (body.Length / 2).ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + body;
    }

    /// <summary>Format A: CRC after the first 10 bytes and after every 16 bytes; bitwise CRC written here, independent of WMBusCrc.</summary>
    private static byte[] AddFormatACrcs(byte[] clean)
    {
        var output = new List<byte>();
        for (var start = 0; start < clean.Length;)
        {
            var n = start == 0 ? 10 : Math.Min(16, clean.Length - start);
            var block = clean.AsSpan(start, n).ToArray();
            var crc = 0;
            foreach (var b in block)
            {
                crc ^= b << 8;
                for (var bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x3D65) & 0xFFFF : (crc << 1) & 0xFFFF;
                }
            }

            crc ^= 0xFFFF;
            output.AddRange(block);
            output.Add((byte)(crc >> 8));
            output.Add((byte)crc);
            start += n;
        }

        return [.. output];
    }

    private sealed class RecordingCipher : IWMBusCipher
    {
        public byte[]? Iv { get; private set; }

        public int Length { get; private set; }

        public bool DecryptCbc(byte[] key, byte[] iv, byte[] data, int offset, int length)
        {
            Iv = (byte[])iv.Clone();
            Length = length;
            return true;
        }

        public bool TransformCtr(byte[] key, byte[] counter, byte[] data, int offset, int length) => true;

        public bool Cmac(byte[] key, byte[] data, int offset, int length, byte[] mac) => true;
    }
}
