using Edge.Firmware.Echonet;
using Edge.Firmware.Tests.MBus;

namespace Edge.Firmware.Tests.Echonet;

/// <summary>
/// Property meanings, expected values worked out by hand from the APPENDIX definitions: register × coefficient
/// (0xD3) × unit (0xE1), the reserved overflow/underflow/no-data codes, property map forms, lists and dates.
/// </summary>
public sealed class EchonetPropertyDecoderTests
{
    private readonly EchonetValue _v = new();

    private bool Decode(int cls, int epc, string edtHex, EchonetMeterScale? scale = null)
    {
        var edt = MBusTestText.Hex(edtHex);
        return EchonetPropertyDecoder.Decode(cls, epc, edt, 0, edt.Length, scale ?? new EchonetMeterScale(), _v);
    }

    private static EchonetMeterScale LearnFrom(string frameHex)
    {
        var bytes = MBusTestText.Hex(frameHex);
        var f = new EchonetFrame();
        Assert.True(f.TryDecode(bytes, 0, bytes.Length), f.ErrorText);
        var scale = new EchonetMeterScale();
        EchonetPropertyDecoder.Learn(f, scale);
        return scale;
    }

    [Fact]
    public void Decode_SmartMeterE0_CoefficientAndUnitApplied()
    {
        // D3 = 10, E1 = 0x0B (100 kWh): raw 123 → 123 × 10 × 100 kWh = 123000 kWh.
        var scale = LearnFrom("1081 0001 028801 05FF01 72 02 D3 04 0000000A E1 01 0B");
        Assert.Equal(10, scale.Coefficient);
        Assert.Equal(0x0B, scale.UnitCode);
        Assert.True(Decode(0x0288, 0xE0, "0000007B", scale));
        Assert.True(_v.Scaled);
        Assert.Equal("kWh", _v.Unit);
        Assert.Equal("energy", _v.Quantity);
        Assert.Equal(123000m, EchonetMeaning.Si(_v.Raw, _v));
    }

    [Fact]
    public void Decode_SmartMeterE0TenthKwh_ExactDecimal()
    {
        // No D3 (coefficient 1), E1 = 0x01 (0.1 kWh): 0x0000FE73 = 65139 → 6513.9 kWh.
        var scale = new EchonetMeterScale { UnitCode = 0x01 };
        Assert.True(Decode(0x0288, 0xE0, "0000FE73", scale));
        Assert.Equal(65139, _v.Mantissa);
        Assert.Equal(-1, _v.Exponent);
        Assert.Equal(6513.9m, EchonetMeaning.Si(_v.Raw, _v));
    }

    [Theory]
    [InlineData("52", 0x01)] // Get_SNA: the properties it did supply count
    [InlineData("51", -1)] // SetC_SNA echoes the refused value: not the meter's unit
    [InlineData("61", -1)] // a request
    [InlineData("7A", -1)] // INFC_Res
    public void Learn_OnlyValuesTheMeterReports(string esv, int unitCode)
    {
        var scale = LearnFrom($"1081 0001 028801 05FF01 {esv} 02 D3 00 E1 01 01");
        Assert.Equal(unitCode, scale.UnitCode);
    }

    [Fact]
    public void TryDecode_OffsetAndLengthOutsideBuffer_ErrorNotException()
    {
        var f = new EchonetFrame();
        Assert.False(f.TryDecode(new byte[8], 4, 8));
        Assert.False(f.TryDecode(new byte[8], -1, 4));
        Assert.Contains("outside", f.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_UnitNotYetKnown_RawOnlyNotScaled()
    {
        Assert.True(Decode(0x0288, 0xE0, "0000FE73"));
        Assert.False(_v.Scaled);
        Assert.Null(_v.Unit);
        Assert.Equal(65139, _v.Raw);
    }

    [Theory]
    [InlineData("FFFFFFFE", EchonetValueStatus.NoData)]
    [InlineData("FFFFFFFF", EchonetValueStatus.Overflow)]
    [InlineData("05F5E100", EchonetValueStatus.OutOfRange)] // 100,000,000: nine digits
    [InlineData("05F5E0FF", EchonetValueStatus.Valid)] // 99,999,999
    public void Decode_CumulativeReservedCodes_NeverValid(string edt, int status)
    {
        Assert.True(Decode(0x0288, 0xE0, edt, new EchonetMeterScale { UnitCode = 0 }));
        Assert.Equal(status, _v.Status);
    }

    [Fact]
    public void Decode_EffectiveDigitsSix_MillionIsOutOfRange()
    {
        var scale = new EchonetMeterScale { UnitCode = 0, EffectiveDigits = 6 };
        Assert.True(Decode(0x0288, 0xE3, "000F423F", scale)); // 999,999
        Assert.Equal(EchonetValueStatus.Valid, _v.Status);
        Assert.True(Decode(0x0288, 0xE3, "000F4240", scale)); // 1,000,000
        Assert.Equal(EchonetValueStatus.OutOfRange, _v.Status);
    }

    [Theory]
    [InlineData("FFFFFCB8", -840L, EchonetValueStatus.Valid)]
    [InlineData("7FFFFFFD", 2147483645L, EchonetValueStatus.Valid)]
    [InlineData("7FFFFFFE", 2147483646L, EchonetValueStatus.NoData)]
    [InlineData("7FFFFFFF", 2147483647L, EchonetValueStatus.Overflow)]
    [InlineData("80000000", -2147483648L, EchonetValueStatus.Underflow)]
    public void Decode_InstantaneousPower_SignedWithReservedCodes(string edt, long raw, int status)
    {
        Assert.True(Decode(0x0288, 0xE7, edt));
        Assert.Equal(raw, _v.Raw);
        Assert.Equal(status, _v.Status);
        Assert.Equal("W", _v.Unit);
    }

    [Fact]
    public void Decode_CurrentsSinglePhaseTwoWire_TPhaseNoData()
    {
        // R = 0x0014 = 2.0 A; T = 0x7FFE: no T phase on a single-phase 2-wire meter.
        Assert.True(Decode(0x0288, 0xE8, "00147FFE"));
        Assert.Equal(2.0m, EchonetMeaning.Si(_v.Raw, _v));
        Assert.Equal(EchonetValueStatus.Valid, _v.Status);
        Assert.Equal(EchonetValueStatus.NoData, _v.Status2);
        Assert.True(Decode(0x0288, 0xE8, "FFF68000")); // -1.0 A, underflow
        Assert.Equal(-1.0m, EchonetMeaning.Si(_v.Raw, _v));
        Assert.Equal(EchonetValueStatus.Underflow, _v.Status2);
    }

    [Fact]
    public void Decode_HistoryWithMissingSlots_SlotsMarkedNoData()
    {
        var slots = string.Concat(Enumerable.Range(0, 48).Select(s => s < 40 ? (1000 + s).ToString("X8", System.Globalization.CultureInfo.InvariantCulture) : "FFFFFFFE"));
        Assert.True(Decode(0x0288, 0xE2, "0001" + slots, new EchonetMeterScale { UnitCode = 0x02 }));
        Assert.Equal(1, _v.HistoryDay);
        Assert.Equal(48, _v.HistoryCount);
        Assert.Equal(1039, _v.History[39]);
        Assert.Equal(EchonetValueStatus.Valid, _v.HistoryStatus[39]);
        Assert.Equal(EchonetValueStatus.NoData, _v.HistoryStatus[40]);
        Assert.Equal(-2, _v.Exponent);
        Assert.False(Decode(0x0288, 0xE2, "0064" + slots)); // day 100
        Assert.Equal(EchonetError.OutOfRange, _v.Error);
        Assert.False(Decode(0x0288, 0xE2, slots)); // no day field: 192 bytes
        Assert.Equal(EchonetError.WrongPdc, _v.Error);
    }

    [Fact]
    public void Decode_FixedTimeCumulative_DateTimeAndRegister()
    {
        Assert.True(Decode(0x0288, 0xEA, "07EA05140E1E00 0000FE68"));
        Assert.Equal(EchonetValueKind.TimedNumber, _v.Kind);
        Assert.Equal((2026, 5, 20, 14, 30, 0), (_v.Year, _v.Month, _v.Day, _v.Hour, _v.Minute, _v.Second));
        Assert.Equal(65128, _v.Raw);
        Assert.False(Decode(0x0288, 0xEA, "07EA0D140E1E00 0000FE68")); // month 13
        Assert.Equal(EchonetError.OutOfRange, _v.Error);
    }

    [Theory]
    [InlineData(0x0288, "00", "1", "kWh")]
    [InlineData(0x0288, "04", "0.0001", "kWh")]
    [InlineData(0x0288, "0A", "10", "kWh")]
    [InlineData(0x0288, "0D", "10000", "kWh")]
    [InlineData(0x0281, "00", "1", "m3")]
    [InlineData(0x0281, "06", "0.000001", "m3")]
    public void Decode_UnitCodes_OneUnitInSi(int cls, string code, string value, string unit)
    {
        Assert.True(Decode(cls, 0xE1, code));
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), EchonetMeaning.Si(_v.Raw, _v));
        Assert.Equal(unit, _v.Unit);
    }

    [Theory]
    [InlineData(0x0288, "05")] // 0x05-0x09 reserved for the smart meter
    [InlineData(0x0288, "0E")]
    [InlineData(0x0281, "07")]
    [InlineData(0x0281, "0A")]
    public void Decode_ReservedUnitCode_RejectedAndNotLearnt(int cls, string code)
    {
        Assert.False(Decode(cls, 0xE1, code));
        Assert.Equal(EchonetError.OutOfRange, _v.Error);
        var scale = LearnFrom($"1081 0001 {cls:X4}01 05FF01 72 01 E1 01 {code}");
        Assert.Equal(-1, scale.UnitCode);
    }

    [Fact]
    public void Decode_WaterMeter_CumulativeAndHistoryInCubicMetres()
    {
        var scale = new EchonetMeterScale { UnitCode = 0x04 }; // 0.0001 m3
        Assert.True(Decode(0x0281, 0xE0, "0001E240", scale)); // 123456 → 12.3456 m3
        Assert.Equal(12.3456m, EchonetMeaning.Si(_v.Raw, _v));
        Assert.Equal("volume", _v.Quantity);
        Assert.True(Decode(0x0281, 0xE2, string.Concat(Enumerable.Repeat("00002710", 48)), scale));
        Assert.Equal(-1, _v.HistoryDay);
        Assert.Equal(1m, EchonetMeaning.Si(_v.History[47], _v));
    }

    [Fact]
    public void Decode_GasMeter_ThousandthsOfCubicMetre()
    {
        Assert.True(Decode(0x0282, 0xE0, "00003039")); // 12345 × 0.001 m3
        Assert.Equal(12.345m, EchonetMeaning.Si(_v.Raw, _v));
        Assert.Equal("m3", _v.Unit);
    }

    [Fact]
    public void Decode_PropertyMapListForm_SortedEpcs()
    {
        Assert.True(Decode(0x0288, 0x9D, "03 88 80 81"));
        Assert.Equal(1, _v.MapFormat);
        Assert.Equal(new byte[] { 0x80, 0x81, 0x88 }, _v.Epcs.Take(_v.EpcCount));
    }

    [Fact]
    public void Decode_PropertyMapBitmapForm_BitJOfByteIIsEpc()
    {
        // Byte i bit j = EPC 0x80 + 0x10 j + i: bit 0 of every byte → 0x80-0x8F; bit 7 of byte 15 → 0xFF.
        Assert.True(Decode(0x0288, 0x9F, "11 01010101010101010101010101010181"));
        Assert.Equal(2, _v.MapFormat);
        Assert.Equal(Enumerable.Range(0x80, 16).Select(e => (byte)e).Append((byte)0xFF), _v.Epcs.Take(_v.EpcCount));
        Assert.False(Decode(0x0288, 0x9F, "12 01010101010101010101010101010181")); // says 18, has 17
        Assert.Equal(EchonetError.OutOfRange, _v.Error);
        Assert.False(Decode(0x0288, 0x9F, "10 0101")); // bitmap form needs 16 bytes
        Assert.Equal(EchonetError.WrongPdc, _v.Error);
    }

    [Fact]
    public void Decode_NodeProfileLists_ObjectsAndClasses()
    {
        Assert.True(Decode(0x0EF0, 0xD6, "02 028801 028101"));
        Assert.Equal(new[] { 0x028801, 0x028101 }, _v.Objects.Take(_v.ObjectCount));
        Assert.True(Decode(0x0EF0, 0xD7, "01 0288"));
        Assert.Equal(new[] { 0x0288 }, _v.Objects.Take(_v.ObjectCount));
        Assert.False(Decode(0x0EF0, 0xD5, "02 028801"));
        Assert.Equal(EchonetError.WrongPdc, _v.Error);
        Assert.True(Decode(0x0EF0, 0x82, "010A0100"));
        Assert.Equal("1.10", _v.Text);
    }

    [Fact]
    public void Decode_IdentificationNumber_HexCode()
    {
        Assert.True(Decode(0x0288, 0x83, "FE000016 00000000000000000000000001"));
        Assert.Equal(EchonetValueKind.Code, _v.Kind);
        Assert.Equal("FE00001600000000000000000000000001", _v.Text);
    }

    [Theory]
    [InlineData(0x80, "32")]
    [InlineData(0x88, "40")]
    [InlineData(0x97, "1800")]
    [InlineData(0x98, "07EA0001")]
    [InlineData(0x8D, "4632FF000000000000000000")]
    public void Decode_SuperClassBadCode_OutOfRange(int epc, string edt)
    {
        Assert.False(Decode(0x0288, epc, edt));
        Assert.Equal(EchonetError.OutOfRange, _v.Error);
        Assert.Contains("outside", _v.ErrorText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x0288, 0xE0, "0000FE")]
    [InlineData(0x0288, 0xD3, "01")]
    [InlineData(0x0288, 0xE8, "0014")]
    [InlineData(0x0281, 0xE2, "00000001")]
    [InlineData(0x0288, 0x80, "3030")]
    public void Decode_WrongPdc_Rejected(int cls, int epc, string edt)
    {
        Assert.False(Decode(cls, epc, edt));
        Assert.Equal(EchonetError.WrongPdc, _v.Error);
    }

    [Fact]
    public void Decode_UnknownProperty_RawKind()
    {
        Assert.True(Decode(0x0288, 0xC0, "0102"));
        Assert.Equal(EchonetValueKind.Raw, _v.Kind);
        Assert.Null(EchonetPropertyNames.Name(0x0288, 0xC0));
        Assert.Equal("operation status", EchonetPropertyNames.Name(0x0281, 0x80));
    }

    [Fact]
    public void ToUnixMs_JstDateTime_MatchesDateTimeOffset()
    {
        var expected = new DateTimeOffset(2026, 5, 20, 14, 30, 0, TimeSpan.FromHours(9)).ToUnixTimeMilliseconds();
        Assert.Equal(expected, EchonetTime.ToUnixMs(2026, 5, 20, 14, 30, 0, EchonetTime.JstOffsetMinutes));
        var feb29 = new DateTimeOffset(2024, 2, 29, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Assert.Equal(feb29, EchonetTime.ToUnixMs(2024, 2, 29, 0, 0, 0, 0));
        var midnight = new DateTimeOffset(2026, 5, 21, 0, 0, 0, TimeSpan.FromHours(9)).ToUnixTimeMilliseconds();
        Assert.Equal(midnight, EchonetTime.LocalMidnight(midnight + 1234567, EchonetTime.JstOffsetMinutes));
        Assert.Equal(midnight - EchonetTime.DayMs, EchonetTime.LocalMidnight(midnight - 1, EchonetTime.JstOffsetMinutes));
    }
}
