using Edge.Firmware.MBus;

namespace Edge.Firmware.Tests.MBus;

/// <summary>
/// EN 13757-3 application layer items of the checklist, one record per case in a wired long frame
/// (CI 0x78, or 0x7A where the status byte matters). Every expected value is worked out by hand from the
/// standard's tables (§6.3 DIF/DIFE, §6.4 VIF tables 10-15, Annex A data types), noted next to the case.
/// </summary>
public sealed class MBusApplicationLayerTests
{
    [Theory]
    [InlineData("0413", MBusFunction.Instantaneous)] // DIF bits 4-5 = 00
    [InlineData("1413", MBusFunction.Maximum)] // 01
    [InlineData("2413", MBusFunction.Minimum)] // 10
    [InlineData("3413", MBusFunction.ErrorState)] // 11
    public void TryDecode_FunctionField_FromDifBits4And5(string difVif, int function)
    {
        var r = One(difVif + "01000000");

        Assert.Equal(function, r.Function);
        Assert.Equal(0.001m, MBusTestText.Exact(r));
    }

    [Fact]
    public void TryDecode_DifeChain_StorageTariffSubunitAccumulate()
    {
        // DIF C4: extension, storage bit 0 = 1, 32-bit. DIFE DA: extension, subunit 1, tariff 01, storage 1010.
        // DIFE 23: subunit 0, tariff 10, storage 0011. Storage = 1 + (10 << 1) + (3 << 5) = 117,
        // tariff = 1 + (2 << 2) = 9, subunit = 1 + (0 << 1) = 1.
        var r = One("C4DA23" + "13" + "01000000");

        Assert.Equal(117, r.StorageNumber);
        Assert.Equal(9, r.Tariff);
        Assert.Equal(1, r.Subunit);
        Assert.Equal(0.001m, MBusTestText.Exact(r));
    }

    [Fact]
    public void TryDecode_ElevenDifes_RejectedAsTooMany()
    {
        var t = Decode(Long("78", "84" + string.Concat(Enumerable.Repeat("80", 10)) + "00" + "13" + "01000000"));

        Assert.False(t.Ok);
        Assert.Contains("more than 10 DIFEs", t.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("066D", "1E2D0D0F3600", MBusValueKind.DateTime, 20240615134530L)] // type I: s 30, min 45, h 13, day 15 | (24 & 7) << 5, month 6 | (24 >> 3) << 4
    [InlineData("036D", "050403", MBusValueKind.Time, 30405L)] // type J: s 5, min 4, h 3
    [InlineData("046D", "1E0EBF2C", MBusValueKind.DateTime, 20211231143000L)] // type F: min 30, h 14, day 31 | (21 & 7) << 5, month 12 | (21 >> 3) << 4
    [InlineData("026C", "BF2C", MBusValueKind.Date, 20211231L)] // type G: the same date bytes
    public void TryDecode_DateAndTimeTypes_AnnexA(string difVif, string data, int kind, long value)
    {
        var r = One(difVif + data);

        Assert.Equal(kind, r.Kind);
        Assert.Equal(value, r.Mantissa);
    }

    [Fact]
    public void TryDecode_ErrorVife_RecordErrorCode()
    {
        // VIF 93 (volume 10^-3 m3, VIFE follows), VIFE 15: table 16 record error 0x15, "no data available".
        var r = One("04" + "93" + "15" + "00000000");

        Assert.Equal(0x15, r.RecordError);
        Assert.Equal("no data available (undefined value)", MBusRecordError.Name(r.RecordError));
    }

    [Theory]
    [InlineData("0493" + "75" + "39300000", 1.2345)] // VIFE 0111 0nnn: × 10^(5-6) on 10^-3 m3 → 12345 × 10^-4
    [InlineData("0493" + "70" + "39300000", 0.000012345)] // nnn = 0: × 10^-6
    [InlineData("0493" + "77" + "39300000", 123.45)] // nnn = 7: × 10^1
    [InlineData("04FB" + "11" + "05000000", 5000)] // FB table E001 000n: volume 10^(n+2) m3, n = 1
    [InlineData("04FD" + "48" + "E6000000", 23)] // FD table E100 nnnn: volts 10^(nnnn-9), nnnn = 8 → 230 × 10^-1 V
    [InlineData("0216" + "0C00", 12)] // VIF 0001 0110: volume 10^(6-6) m3, 0x000C
    [InlineData("0A5A" + "3412", 123.4)] // BCD4 1234, VIF 0101 1010: flow temperature 10^(2-3) °C
    public void TryDecode_ScalingFromTables_ExactValue(string record, double value)
    {
        var r = One(record);

        Assert.Equal((decimal)value, MBusTestText.Exact(r));
    }

    [Fact]
    public void TryDecode_PerTimeVife_ModifiedAndNotTheRegister()
    {
        // VIF 93 + VIFE 22: volume per hour (table 15: E010 0010 "per hour"), not the total.
        var t = Decode(Long("78", "0493" + "22" + "01000000" + "0413" + "02000000"));

        Assert.True(t.Ok, t.Error);
        Assert.Equal("per hour", t.GetRecord(0).Modifier);
        Assert.Equal(1, MBusWaterRegister.Find(t));
    }

    [Theory]
    [InlineData(0x00, "OK", 0)]
    [InlineData(0x04, "POWER_LOW", MeterStatusFlags.LowBattery)] // bit 2
    [InlineData(0x13, "ALARM TEMPORARY_ERROR", MeterStatusFlags.ApplicationError | MeterStatusFlags.TemporaryError)] // bits 0-1 = 11, bit 4
    [InlineData(0x0A, "APPLICATION_ERROR PERMANENT_ERROR", MeterStatusFlags.ApplicationError | MeterStatusFlags.PermanentError)] // 10, bit 3
    [InlineData(0xE1, "BUSY MANUFACTURER_0xE0", 0)] // 01 busy, bits 5-7 manufacturer specific
    public void TryDecode_StatusByte_FlagsPerTable(int status, string text, int flags)
    {
        // CI 7A: access number 01, status, signature 0000, then one volume record.
        var t = Decode(Long("7A", "01" + status.ToString("X2") + "0000" + "0413" + "01000000"));

        Assert.True(t.Ok, t.Error);
        Assert.Equal(text, MBusStatus.Describe(t.Status));
        Assert.Equal(flags, t.MeterFlags);
    }

    [Fact]
    public void TryDecode_PlainTextVifWithoutVife_TextUnitAndValue()
    {
        // DIF 01, VIF 7C (plain text, no VIFE), length 3, "zH" + "k" sent last character first = "kHz", value 7.
        var r = One("017C03" + "7A486B" + "07");

        Assert.Equal(MBusQuantity.PlainText, r.Quantity);
        Assert.Equal(7m, MBusTestText.Exact(r));
    }

    private static MBusRecord One(string record)
    {
        var t = Decode(Long("78", record));
        Assert.True(t.Ok, t.Error);
        Assert.Equal(1, t.RecordCount);
        return t.GetRecord(0);
    }

    private static MBusTelegram Decode(string hex)
    {
        var bytes = MBusTestText.Hex(hex);
        var t = new MBusTelegram();
        new MBusWiredDecoder().TryDecode(bytes, 0, bytes.Length, t);
        return t;
    }

    /// <summary>A long frame (EN 13757-2): 68 L L 68, C = 08 (RSP_UD), A = 01, CI, data, checksum, 16.</summary>
    private static string Long(string ci, string data)
    {
        var body = MBusTestText.Hex("0801" + ci + data);
        var sum = body.Aggregate(0, (s, b) => (s + b) & 0xFF);
        return $"68{body.Length:X2}{body.Length:X2}68{Convert.ToHexString(body)}{sum:X2}16";
    }
}
