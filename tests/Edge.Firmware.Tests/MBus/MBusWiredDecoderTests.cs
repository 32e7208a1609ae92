using Edge.Firmware.MBus;

namespace Edge.Firmware.Tests.MBus;

/// <summary>
/// Hand-written frames from the EN 13757-2/-3 rules, expected values worked out by hand from the tables
/// (EN 13757-3 §6.3-6.4, Annex A), not from our decoder's output.
/// </summary>
public sealed class MBusWiredDecoderTests
{
    // The RSP_UD example of the M-Bus documentation / EN 1434-3 (variable data structure): C=08, A=02,
    // CI=72, ID 12345678, M 0x4024 = "PAD", version 1, medium 07, access 0x55, status 0, signature 0000.
    private const string DocumentationExample =
        "681F1F68" + "080272" + "78563412" + "2440" + "01" + "07" + "55" + "00" + "0000"
        + "03" + "13" + "153100" // 24-bit, volume 10^-3 m3: 0x003115 = 12565 -> 12.565 m3
        + "DA02" + "3B" + "1301" // BCD4 max, storage 1 + 2*2 = 5, volume flow 10^-3 m3/h: 0113 -> 0.113 m3/h
        + "8B60" + "04" + "371802" // BCD6, tariff 2, subunit 1, energy 10 Wh: 021837 -> 218370 Wh
        + "1816";

    [Fact]
    public void TryDecode_DocumentationExample_HeaderAndRecords()
    {
        var t = Decode(DocumentationExample);

        Assert.True(t.Ok, t.Error);
        Assert.Equal("12345678", t.Id);
        Assert.Equal("PAD", t.Manufacturer);
        Assert.Equal(1, t.Version);
        Assert.Equal(MBusDeviceType.Water, t.DeviceType);
        Assert.Equal(0x55, t.AccessNumber);
        Assert.Equal(3, t.RecordCount);
        AssertRecord(t.GetRecord(0), MBusQuantity.Volume, MBusUnit.CubicMetre, 12.565m, storage: 0, tariff: 0, subunit: 0);
        AssertRecord(t.GetRecord(1), MBusQuantity.VolumeFlow, MBusUnit.CubicMetrePerHour, 0.113m, storage: 5, tariff: 0, subunit: 0);
        Assert.Equal(MBusFunction.Maximum, t.GetRecord(1).Function);
        AssertRecord(t.GetRecord(2), MBusQuantity.Energy, MBusUnit.WattHour, 218370m, storage: 0, tariff: 2, subunit: 1);
    }

    [Fact]
    public void TryDecode_WrongChecksum_ErrorNamesBothValues()
    {
        var t = Decode(DocumentationExample[..^4] + "1916");

        Assert.False(t.Ok);
        Assert.Equal("long frame checksum mismatch: expected 0x18, got 0x19", t.Error);
    }

    [Theory]
    [InlineData("70", "08", "application too busy")] // CI 0x70, code 8 (EN 13757-3 §6.6)
    [InlineData("70", "", "unspecified error")]
    [InlineData("7A", "", "transport header truncated")]
    [InlineData("51", "", "unsupported CI field 0x51")]
    [InlineData("78", "04", "truncated in record 1 (DIF 0x04): VIF missing")]
    [InlineData("78", "0413", "truncated in record 1 (DIF 0x04): data runs past the end")]
    [InlineData("78", "0F", "")]
    public void TryDecode_ShortOrErrorFrames_ClearOutcome(string ci, string data, string error)
    {
        var t = Decode(Long(ci, data));

        if (error.Length == 0)
        {
            Assert.True(t.Ok, t.Error); // a lone DIF 0x0F: manufacturer data of length 0
            return;
        }

        Assert.False(t.Ok);
        Assert.Contains(error, t.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("046D190F8A17", MBusValueKind.DateTime, 20120710152500L)] // type F: 15:25, day 10 | year&7=4 <<5, month 7 | (12>>3)<<4
    [InlineData("026CBF1C", MBusValueKind.Date, 20131231L)] // type G: day 31 | (13&7)<<5 = 0xBF, month 12 | (13>>3)<<4 = 0x1C
    public void TryDecode_DateTypes_DecodedPerAnnexA(string record, int kind, long value)
    {
        var t = Decode(Long("78", record));

        Assert.True(t.Ok, t.Error);
        Assert.Equal(kind, t.GetRecord(0).Kind);
        Assert.Equal(value, t.GetRecord(0).Mantissa);
    }

    [Theory]
    [InlineData("0A1323F1", -0.123)] // BCD4 with F in the top digit: negative (Annex A type A)
    [InlineData("052B0000803F", 1.0)] // real32 1.0f, power 10^0 W
    [InlineData("0413FFFFFFFF", -0.001)] // 32-bit two's complement -1, volume 10^-3 m3
    [InlineData("04933C01000000", 0.001)] // VIFE 0x3C: backward volume, still 1 l
    [InlineData("04937D01000000", 1.0)] // VIFE 0x7D: multiplicative correction 10^3 on 10^-3 m3
    public void TryDecode_DataTypes_ScaledValue(string record, double value)
    {
        var t = Decode(Long("78", record));

        Assert.True(t.Ok, t.Error);
        Assert.Equal(value, t.GetRecord(0).ToDouble(), 9);
    }

    [Fact]
    public void TryDecode_PlainTextVifWithCorrection_TextAndExponent()
    {
        // DIF 02, VIF FC (plain text, VIFE follows), length 3, "HR%" = "%RH" reversed, VIFE 74 (10^-2), 0x11D4 = 4564.
        var t = Decode(Long("78", "02FC03485225" + "74" + "D411"));

        Assert.True(t.Ok, t.Error);
        Assert.Equal("%RH", MBusTestText.VifText(t, t.GetRecord(0)));
        Assert.Equal(45.64m, MBusTestText.Exact(t.GetRecord(0)));
    }

    [Fact]
    public void TryDecode_FixedStructureBinaryStored_CountersScaled()
    {
        // CI 73: ID 00000042, access 07, status C0 (binary counters, stored values), units 2C|80 (m³, medium bits 0-1 = 10)
        // and 32|40 (l/h, medium bits 2-3 = 01): medium 0110 = 6 (warm water); counters 0x1234 m³ and 0x50 l/h.
        var t = Decode(Long("73", "42000000" + "07" + "C0" + "AC" + "72" + "34120000" + "50000000"));

        Assert.True(t.Ok, t.Error);
        Assert.Equal("00000042", t.Id);
        Assert.Equal(6, t.DeviceType);
        AssertRecord(t.GetRecord(0), MBusQuantity.Volume, MBusUnit.CubicMetre, 4660m, 1, 0, 0);
        AssertRecord(t.GetRecord(1), MBusQuantity.VolumeFlow, MBusUnit.CubicMetrePerHour, 0.08m, 1, 0, 0);
    }

    [Fact]
    public void TryDecode_FixedStructureWrongLength_Fails()
    {
        var t = Decode(Long("73", "42000000" + "07" + "00" + "AC" + "72" + "34120000"));

        Assert.False(t.Ok);
        Assert.Contains("must be 16 bytes", t.Error, StringComparison.Ordinal);
    }

    internal static MBusTelegram Decode(string hex)
    {
        var bytes = MBusTestText.Hex(hex);
        var t = new MBusTelegram();
        new MBusWiredDecoder().TryDecode(bytes, 0, bytes.Length, t);
        return t;
    }

    /// <summary>A long frame C=08 A=01 with the CI and data given, checksum computed here by plain summation.</summary>
    private static string Long(string ci, string data)
    {
        var body = MBusTestText.Hex("0801" + ci + data);
        var l = body.Length;
        var sum = body.Sum(x => x) & 0xFF;
        return $"68{l:X2}{l:X2}68" + Convert.ToHexString(body) + $"{sum:X2}16";
    }

    private static void AssertRecord(MBusRecord r, string quantity, string unit, decimal value, long storage, int tariff, int subunit)
    {
        Assert.Equal(quantity, r.Quantity);
        Assert.Equal(unit, r.Unit);
        Assert.Equal(value, MBusTestText.Exact(r));
        Assert.Equal(storage, r.StorageNumber);
        Assert.Equal(tariff, r.Tariff);
        Assert.Equal(subunit, r.Subunit);
    }
}
