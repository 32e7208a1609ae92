using System.Globalization;
using Edge.Firmware.MBus;

namespace Edge.Firmware.Tests.MBus;

/// <summary>
/// Kamstrup info codes (vectors of the corpus' sensors.md) and compact frames (CI 0x79) on hand-built frames;
/// signatures and CRCs are computed here bitwise, independently of <see cref="WMBusCrc"/>.
/// </summary>
public sealed class KamstrupTests
{
    // L C=44 M="KAM" (0x2C2D) ID 12345678 version 1B type 16 (cold water).
    private const string Link = "442D2C785634121B16";

    // Info codes (02 FF 20), volume (04 13), target volume (44 13), min. flow temperature (61 5B), min. external temperature (61 67).
    private const string Format = "02FF20" + "0413" + "4413" + "615B" + "6167";

    [Theory]
    [InlineData(0x0000, "OK", 0, 0)]
    [InlineData(0x0071, "DRY", MeterStatusFlags.Dry, 7)]
    [InlineData(0x0C04, "LEAK", MeterStatusFlags.Leak, 3)]
    [InlineData(0x2008, "BURST", MeterStatusFlags.Burst, 1)]
    [InlineData(0x0082, "REVERSE", MeterStatusFlags.Reverse, 1)]
    public void TryDecode_InfoCode_FlagsAndDuration(int code, string names, int flag, int duration)
    {
        var t = Decode(new WMBusDecoder(), Frame("78" + "02FF20" + Le(code, 2) + "0413" + "39300000"));

        Assert.True(t.Ok, t.Error);
        Assert.Equal(code, t.ManufacturerStatus);
        Assert.Equal(names, MeterStatusFlags.Describe(t.MeterFlags));
        Assert.Equal(duration, MeterStatusFlags.Duration(t.StatusDurations, flag));
    }

    [Fact]
    public void TryDecode_InfoCodeDurations_TextsAsSensorsMd()
    {
        // sensors.md: 0x0071 dry 22-31 days; 0x0C04 leaking 2-3 days; 0x2008 bursting 1-8 hours; 0x0082 reversed 1-8 hours.
        Assert.Equal("22-31 days", DurationText(0x0071, MeterStatusFlags.Dry));
        Assert.Equal("2-3 days", DurationText(0x0C04, MeterStatusFlags.Leak));
        Assert.Equal("1-8 hours", DurationText(0x2008, MeterStatusFlags.Burst));
        Assert.Equal("1-8 hours", DurationText(0x0082, MeterStatusFlags.Reverse));
    }

    [Fact]
    public void TryDecode_InfoCode32_TamperAndLowBattery()
    {
        var t = Decode(new WMBusDecoder(), Frame("78" + "04FF23" + Le(0x30, 4) + "0413" + "39300000"));

        Assert.True(t.Ok, t.Error);
        Assert.Equal("TAMPER LOW_BATTERY", MeterStatusFlags.Describe(t.MeterFlags));
    }

    [Fact]
    public void TryDecode_CompactAfterFullFrame_SameRecords()
    {
        var decoder = new WMBusDecoder(new CompactFormatCache(4));
        var data = "0000" + "39300000" + "E02E0000" + "0C" + "14"; // 12.345 m3, 12.000 m3, 12 °C, 20 °C
        var full = Decode(decoder, Frame("78" + Interleave(data)));
        Assert.True(full.Ok, full.Error);

        var t = Decode(decoder, Frame("79" + Le(Crc(Format), 2) + Le(Crc(Interleave(data)), 2) + data));

        Assert.True(t.Ok, t.Error);
        Assert.Equal(Crc(Format), t.CompactSignature);
        Assert.True(t.CompactCrcOk);
        Assert.Equal(5, t.RecordCount);
        Assert.Equal(12.345m, MBusTestText.Exact(t.GetRecord(1)));
        Assert.Equal(12m, MBusTestText.Exact(t.GetRecord(2)));
        Assert.Equal(MBusFunction.Minimum, t.GetRecord(3).Function);
        Assert.Equal(20m, MBusTestText.Exact(t.GetRecord(4)));
    }

    [Fact]
    public void TryDecode_CompactWithUnknownSignature_FailsNamingIt()
    {
        var t = Decode(new WMBusDecoder(new CompactFormatCache(4)), Frame("79" + "3412" + "0000" + "00000000"));

        Assert.False(t.Ok);
        Assert.Contains("format signature 0x1234 unknown", t.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_CompactWithWrongDataLength_Fails()
    {
        var decoder = new WMBusDecoder(new CompactFormatCache(4));
        decoder.CompactFormats.Add(MBusTestText.Hex(Format), 0, Format.Length / 2);

        var t = Decode(decoder, Frame("79" + Le(Crc(Format), 2) + "0000" + "0000" + "39300000"));

        Assert.False(t.Ok);
        Assert.Contains("6 data bytes", t.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_CompactWithWrongFullFrameCrc_DecodesButSaysSo()
    {
        var decoder = new WMBusDecoder(new CompactFormatCache(4));
        decoder.CompactFormats.Add(MBusTestText.Hex(Format), 0, Format.Length / 2);
        var data = "0000" + "39300000" + "E02E0000" + "0C" + "14";

        var t = Decode(decoder, Frame("79" + Le(Crc(Format), 2) + Le(Crc(Interleave(data)) ^ 1, 2) + data));

        Assert.True(t.Ok, t.Error);
        Assert.False(t.CompactCrcOk);
    }

    [Fact]
    public void Add_MoreFormatsThanCapacity_LeastRecentlyUsedGoes()
    {
        var cache = new CompactFormatCache(2);
        string[] formats = ["0413", "0414", "0415"];
        cache.Add(MBusTestText.Hex(formats[0]), 0, 2);
        cache.Add(MBusTestText.Hex(formats[1]), 0, 2);
        Assert.True(cache.Find(Crc(formats[0])) >= 0); // 0413 used last, so 0414 goes next

        cache.Add(MBusTestText.Hex(formats[2]), 0, 2);

        Assert.Equal(2, cache.Count);
        Assert.True(cache.Find(Crc(formats[0])) >= 0);
        Assert.Equal(-1, cache.Find(Crc(formats[1])));
        Assert.True(cache.Find(Crc(formats[2])) >= 0);
    }

    [Theory]
    [InlineData("0D13")] // variable length data
    [InlineData("0F")] // manufacturer data
    [InlineData("8413")] // DIFE missing
    [InlineData("04")] // VIF missing
    [InlineData("04FC")] // VIFE missing
    public void Add_NotFixedLengthHeaders_Refused(string format)
    {
        Assert.False(new CompactFormatCache(2).Add(MBusTestText.Hex(format), 0, format.Length / 2));
    }

    [Fact]
    public void Signature_KamstrupMultical21Format_IsTheSignatureItsCompactFramesCarry()
    {
        // A MULTICAL 21 compact frame of the corpus (kamwater test2) carries 79 ED A8: signature 0xA8ED.
        var f = MBusTestText.Hex("02FF2004134413615B6167");

        Assert.Equal(0xA8ED, CompactFormatCache.Signature(f, 0, f.Length));
    }

    private static string DurationText(int code, int flag)
    {
        var t = Decode(new WMBusDecoder(), Frame("78" + "02FF20" + Le(code, 2)));
        return MeterStatusFlags.DurationText(MeterStatusFlags.Duration(t.StatusDurations, flag));
    }

    /// <summary>The records of <see cref="Format"/> with the given data (2+4+4+1+1 bytes).</summary>
    private static string Interleave(string data) =>
        "02FF20" + data[..4] + "0413" + data[4..12] + "4413" + data[12..20] + "615B" + data[20..22] + "6167" + data[22..24];

    private static MBusTelegram Decode(WMBusDecoder decoder, string hex)
    {
        var bytes = MBusTestText.Hex(hex);
        var t = new MBusTelegram();
        decoder.TryDecode(bytes, 0, bytes.Length, null, t);
        return t;
    }

    private static string Frame(string rest)
    {
        var body = Link + rest;
        return (body.Length / 2).ToString("X2", CultureInfo.InvariantCulture) + body;
    }

    private static string Le(int value, int bytes)
    {
        var text = string.Empty;
        for (var i = 0; i < bytes; i++)
        {
            text += ((value >> (8 * i)) & 0xFF).ToString("X2", CultureInfo.InvariantCulture);
        }

        return text;
    }

    /// <summary>CRC-16/EN-13757 bitwise: polynomial 0x3D65, initial 0, final complement.</summary>
    private static int Crc(string hex)
    {
        var crc = 0;
        foreach (var b in MBusTestText.Hex(hex))
        {
            crc ^= b << 8;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? ((crc << 1) ^ 0x3D65) & 0xFFFF : (crc << 1) & 0xFFFF;
            }
        }

        return crc ^ 0xFFFF;
    }
}
