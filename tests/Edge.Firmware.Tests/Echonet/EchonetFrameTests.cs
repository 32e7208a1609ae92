using Edge.Firmware.Echonet;
using Edge.Firmware.Tests.MBus;

namespace Edge.Firmware.Tests.Echonet;

/// <summary>
/// The frame codec against frames written by hand from the ECHONET Lite specification Part 2 chapter 3
/// (EHD1 EHD2 TID | SEOJ DEOJ ESV OPC (EPC PDC EDT)...; SetGet: OPCSet section, then OPCGet section).
/// </summary>
public sealed class EchonetFrameTests
{
    private static EchonetFrame Decode(string hex, bool ok = true)
    {
        var bytes = MBusTestText.Hex(hex);
        var f = new EchonetFrame();
        Assert.Equal(ok, f.TryDecode(bytes, 0, bytes.Length));
        Assert.Equal(ok, f.Error == EchonetError.None);
        Assert.Equal(ok, f.ErrorText == null);
        return f;
    }

    [Fact]
    public void TryDecode_GetResTwoProperties_HeaderAndPropertiesRead()
    {
        // TID 0x1234, SEOJ water flow meter instance 1, DEOJ controller, Get_Res, E0 = 4 bytes, E1 = 1 byte.
        var f = Decode("1081 1234 028101 05FF01 72 02 E0 04 00000010 E1 01 03");
        Assert.Equal(0x10, f.Ehd1);
        Assert.Equal(0x81, f.Ehd2);
        Assert.Equal(0x1234, f.Tid);
        Assert.Equal(0x028101, f.Seoj);
        Assert.Equal(0x0281, f.SeojClass);
        Assert.Equal(0x05FF01, f.Deoj);
        Assert.Equal(EchonetEsv.GetRes, f.Esv);
        Assert.Equal(2, f.Opc);
        Assert.Equal(2, f.PropertyCount);
        Assert.Equal(0xE0, f.Epc(0));
        Assert.Equal(4, f.Pdc(0));
        Assert.Equal(14, f.EdtOffset(0));
        Assert.Equal(0xE1, f.Epc(1));
        Assert.Equal(0x03, f.Buffer[f.EdtOffset(1)]);
        Assert.Equal(1, f.Find(0xE1));
        Assert.Equal(-1, f.Find(0xE2));
    }

    [Fact]
    public void TryDecode_SetGet_TwoSections()
    {
        // SetGet: OPCSet 1 (E5 = 2), OPCGet 1 (E2, PDC 0).
        var f = Decode("1081 0005 05FF01 028801 6E 01 E5 01 02 01 E2 00");
        Assert.Equal(1, f.Opc);
        Assert.Equal(1, f.OpcGet);
        Assert.Equal(2, f.PropertyCount);
        Assert.Equal(EchonetFrame.SectionSet, f.Section(0));
        Assert.Equal(0xE5, f.Epc(0));
        Assert.Equal(EchonetFrame.SectionGet, f.Section(1));
        Assert.Equal(0xE2, f.Epc(1));
        Assert.Equal(0, f.Pdc(1));
    }

    [Fact]
    public void TryDecode_SetGetSnaWithEmptySetSection_Accepted()
    {
        var f = Decode("1081 0005 028801 05FF01 5E 00 01 E2 00");
        Assert.Equal(0, f.Opc);
        Assert.Equal(1, f.OpcGet);
        Assert.Equal(EchonetFrame.SectionGet, f.Section(0));
    }

    [Fact]
    public void TryDecode_ArbitraryFormat_ExposesRawEdata()
    {
        var f = Decode("1082 0007 DEADBEEF01");
        Assert.Equal(0x82, f.Ehd2);
        Assert.Equal(7, f.Tid);
        Assert.Equal(4, f.EdataOffset);
        Assert.Equal(5, f.EdataLength);
        Assert.Equal(0xDE, f.Buffer[f.EdataOffset]);
        Assert.Equal(0, f.PropertyCount);
    }

    [Theory]
    [InlineData("", EchonetError.TruncatedHeader)]
    [InlineData("108100", EchonetError.TruncatedHeader)]
    [InlineData("1181 0001 028801 05FF01 72 01 80 01 30", EchonetError.UnknownEhd1)]
    [InlineData("8081 0001 028801 05FF01 72 01 80 01 30", EchonetError.UnknownEhd1)]
    [InlineData("1083 0001 028801 05FF01 72 01 80 01 30", EchonetError.UnknownEhd2)]
    [InlineData("1081 0001 028801 05FF01 72", EchonetError.TruncatedEdata)]
    [InlineData("1081 0001 028801 05FF01 65 01 80 01 30", EchonetError.UnknownEsv)]
    [InlineData("1081 0001 05FF01 028801 62 00", EchonetError.ZeroOpc)]
    [InlineData("1081 0001 028801 05FF01 7E 00 00", EchonetError.ZeroOpc)]
    [InlineData("1081 0001 028801 05FF01 72 01 E0", EchonetError.TruncatedProperty)]
    [InlineData("1081 0001 028801 05FF01 72 02 80 01 30", EchonetError.TruncatedProperty)]
    [InlineData("1081 0001 05FF01 028801 6E 01 E5 01 02", EchonetError.TruncatedProperty)]
    [InlineData("1081 0001 028801 05FF01 72 01 E0 04 0000FE", EchonetError.PdcBeyondEnd)]
    [InlineData("1081 0001 028801 05FF01 72 01 80 01 30 00", EchonetError.TrailingBytes)]
    [InlineData("1081 0001 05FF01 028801 62 01 E0 00 E1 00", EchonetError.TrailingBytes)]
    public void TryDecode_Malformed_RejectedWithCode(string hex, int code)
    {
        var f = Decode(hex, ok: false);
        Assert.Equal(code, f.Error);
        Assert.True(f.ErrorText!.Length > 10, f.ErrorText);
    }

    [Fact]
    public void TryDecode_LongerThanMax_Rejected()
    {
        var bytes = new byte[EchonetFrame.MaxLength + 1];
        var f = new EchonetFrame();
        Assert.False(f.TryDecode(bytes, 0, bytes.Length));
        Assert.Equal(EchonetError.FrameTooLong, f.Error);
    }

    [Fact]
    public void TryDecode_AtOffset_ReadsOnlyTheGivenBytes()
    {
        var bytes = MBusTestText.Hex("FFFF 1081 0001 028801 05FF01 72 01 80 01 30 FFFF");
        var f = new EchonetFrame();
        Assert.True(f.TryDecode(bytes, 2, bytes.Length - 4), f.ErrorText);
        Assert.Equal(0x30, f.Buffer[f.EdtOffset(0)]);
    }

    [Fact]
    public void TryDecode_AfterError_NextFrameDecodesClean()
    {
        var f = new EchonetFrame();
        var bad = MBusTestText.Hex("1081 0001 028801 05FF01 72 01 E0 04 00");
        var good = MBusTestText.Hex("1081 0002 028801 05FF01 72 01 80 01 30");
        Assert.False(f.TryDecode(bad, 0, bad.Length));
        Assert.True(f.TryDecode(good, 0, good.Length));
        Assert.Null(f.ErrorText);
        Assert.Equal(1, f.PropertyCount);
        Assert.Equal(2, f.Tid);
    }

    [Theory]
    [InlineData(0x60, "SetI")]
    [InlineData(0x61, "SetC")]
    [InlineData(0x62, "Get")]
    [InlineData(0x63, "INF_REQ")]
    [InlineData(0x6E, "SetGet")]
    [InlineData(0x71, "Set_Res")]
    [InlineData(0x72, "Get_Res")]
    [InlineData(0x73, "INF")]
    [InlineData(0x74, "INFC")]
    [InlineData(0x7A, "INFC_Res")]
    [InlineData(0x7E, "SetGet_Res")]
    [InlineData(0x50, "SetI_SNA")]
    [InlineData(0x51, "SetC_SNA")]
    [InlineData(0x52, "Get_SNA")]
    [InlineData(0x53, "INF_SNA")]
    [InlineData(0x5E, "SetGet_SNA")]
    public void Name_EveryEsvOfTheSpecification_Named(int esv, string name)
    {
        Assert.Equal(name, EchonetEsv.Name(esv));
        var bytes = MBusTestText.Hex($"1081 0001 05FF01 028801 {esv:X2} 01 80 00" + (EchonetEsv.HasTwoSections(esv) ? "00" : string.Empty));
        var f = new EchonetFrame();
        Assert.True(f.TryDecode(bytes, 0, bytes.Length), f.ErrorText);
    }

    [Fact]
    public void Writer_GetRequest_MatchesHandWrittenFrame()
    {
        var w = new EchonetFrameWriter();
        var b = new byte[64];
        w.Begin(b, 0, 2, 0x05FF01, 0x028101, EchonetEsv.Get);
        w.Add(0xE0);
        w.Add(0xE1);
        var n = w.Finish();
        Assert.Equal("1081000205FF010281016202E000E100", Convert.ToHexString(b, 0, n));
    }

    [Fact]
    public void Writer_SetGetAndSetC_MatchHandWrittenFrames()
    {
        var w = new EchonetFrameWriter();
        var b = new byte[64];
        w.Begin(b, 0, 5, 0x05FF01, 0x028801, EchonetEsv.SetGet);
        w.AddByte(0xE5, 2);
        w.BeginGetSection();
        w.Add(0xE2);
        Assert.Equal("1081000505FF010288016E01E50102" + "01E200", Convert.ToHexString(b, 0, w.Finish()));

        w.Begin(b, 0, 0xABCD, 0x05FF01, 0x028801, EchonetEsv.SetC);
        w.Add(0x97, new byte[] { 0, 0, 0x0E, 0x1A }, 2, 2);
        Assert.Equal("1081ABCD05FF01028801610197020E1A", Convert.ToHexString(b, 0, w.Finish()));
    }

    [Fact]
    public void Writer_BufferTooSmall_ReturnsMinusOne()
    {
        var w = new EchonetFrameWriter();
        var b = new byte[14];
        w.Begin(b, 0, 1, 0x05FF01, 0x028801, EchonetEsv.Get);
        w.Add(0xE0);
        Assert.Equal(14, w.Finish());
        w.Add(0xE1);
        Assert.Equal(-1, w.Finish());
        w.Begin(new byte[11], 0, 1, 0x05FF01, 0x028801, EchonetEsv.Get);
        Assert.Equal(-1, w.Finish());
    }
}
