using System.Globalization;
using System.Security.Cryptography;
using Edge.Firmware.MBus;

namespace Edge.Firmware.Tests.MBus;

/// <summary>
/// Decoding allocates nothing in the steady state (DESIGN.md: no allocation per telegram on the device):
/// plain, mode 5 (through the firmware's own AES), compact and wired telegrams, hand-built.
/// </summary>
public sealed class MBusDecoderAllocationTests
{
    private const int Decodes = 2000;

    // L C=44 M="KAM" (0x2C2D) ID 12345678 version 1B type 16 (cold water).
    private const string Link = "442D2C785634121B16";

    // 2F 2F (decryption check bytes), 04 13 = 12345 l, idle filler to one 16-byte AES block.
    private const string Plain = "2F2F" + "0413" + "39300000" + "2F2F2F2F2F2F2F2F";

    private static readonly byte[] _key = Convert.FromHexString("000102030405060708090A0B0C0D0E0F");

    [Fact]
    public void TryDecode_PlainWireless_NoAllocationPerTelegram()
    {
        var frame = Frame("7A" + "20000000" + Plain);

        Assert.Equal(0, AllocatedPerRun(new WMBusDecoder(), frame, key: null));
    }

    [Fact]
    public void TryDecode_Mode5WithFirmwareAes_NoAllocationPerTelegram()
    {
        var frame = Mode5Frame();
        var decoder = new WMBusDecoder { Cipher = new PortableWMBusCipher() };

        Assert.Equal(0, AllocatedPerRun(decoder, frame, _key));
    }

    [Fact]
    public void TryDecode_KamstrupCompact_NoAllocationPerTelegram()
    {
        // Info codes 0000, volume 12345 l, target 12000 l, 12 °C, 20 °C in the MULTICAL 21 format 0xA8ED
        // (known to every decoder); the full-frame CRC is not checked by this test.
        var frame = Frame("79" + "EDA8" + "0000" + "0000" + "39300000" + "E02E0000" + "0C" + "14");

        Assert.Equal(0, AllocatedPerRun(new WMBusDecoder(), frame, key: null));
    }

    [Fact]
    public void TryDecode_Wired_NoAllocationPerTelegram()
    {
        // 68 L L 68, C=08 A=01 CI=72, header (ID, M, version, medium 07, access, status, signature), 04 13, CS, 16.
        var body = Convert.FromHexString("08" + "01" + "72" + "78563412" + "2D2C" + "01" + "07" + "05" + "00" + "0000" + "0413" + "39300000");
        var frame = new byte[body.Length + 6];
        frame[0] = frame[3] = 0x68;
        frame[1] = frame[2] = (byte)body.Length;
        body.CopyTo(frame, 4);
        frame[^2] = (byte)body.Sum(b => b);
        frame[^1] = 0x16;
        var decoder = new MBusWiredDecoder();
        var t = new MBusTelegram();
        Assert.True(decoder.TryDecode(frame, 0, frame.Length, t), t.Error);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Decodes; i++)
        {
            decoder.TryDecode(frame, 0, frame.Length, t);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static long AllocatedPerRun(WMBusDecoder decoder, byte[] frame, byte[]? key)
    {
        var t = new MBusTelegram();
        Assert.True(decoder.TryDecode(frame, 0, frame.Length, key, t), t.Error); // warm-up, and it must decode
        Assert.Equal(12.345m, MBusTestText.Exact(WMBusWaterTotal.Find(t)!));
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Decodes; i++)
        {
            decoder.TryDecode(frame, 0, frame.Length, key, t);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    /// <summary>
    /// Mode 5 by hand (EN 13757-7 §9.2 / OMS Vol. 2 §9.4.3): CW 0x0510 (mode 5, one block), AES-128-CBC with
    /// IV = M field, A field (ID, version, type), then the access number 8 times; encrypted with .NET's AES.
    /// </summary>
    private static byte[] Mode5Frame()
    {
        const byte access = 0x20;
        var iv = Convert.FromHexString("2D2C785634121B16" + string.Concat(Enumerable.Repeat(access.ToString("X2", CultureInfo.InvariantCulture), 8)));
        using var aes = Aes.Create();
        aes.Key = _key;
        var encrypted = aes.EncryptCbc(Convert.FromHexString(Plain), iv, PaddingMode.None);
        return Frame("7A" + access.ToString("X2", CultureInfo.InvariantCulture) + "00" + "1005" + Convert.ToHexString(encrypted));
    }

    private static byte[] Frame(string rest) => Frame(Convert.FromHexString(Link + rest));

    private static byte[] Frame(byte[] body) => [(byte)body.Length, .. body];
}
