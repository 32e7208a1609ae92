using Edge.Firmware.Wisun;

namespace Edge.Firmware.Tests.Wisun;

/// <summary>Lines as the BP35A1 / BP35C0 command references print them.</summary>
public class SkStackLineTests
{
    private static SkStackLine Parse(string text)
    {
        var line = new SkStackLine();
        var bytes = System.Text.Encoding.Latin1.GetBytes(text);
        line.Parse(bytes, bytes.Length);
        return line;
    }

    [Theory]
    [InlineData("OK", SkStackLineKind.Ok)]
    [InlineData("", SkStackLineKind.Empty)]
    [InlineData("   ", SkStackLineKind.Empty)]
    [InlineData("EPANDESC", SkStackLineKind.PanDescriptor)]
    [InlineData("SKSCAN 2 FFFFFFFF 6", SkStackLineKind.Echo)]
    [InlineData("WOPT 01", SkStackLineKind.Echo)]
    [InlineData("FE80:0000:0000:0000:021D:1290:1234:5678", SkStackLineKind.Address)]
    [InlineData("EADDR", SkStackLineKind.Other)]
    [InlineData("hello", SkStackLineKind.Unknown)]
    [InlineData("EVENT", SkStackLineKind.Unknown)]
    [InlineData("EVENT 2G FE80::1", SkStackLineKind.Unknown)]
    [InlineData("ERXUDP FE80::1 FE80::2 0E1A 0E1A 001D129012345678 1 0003 0102", SkStackLineKind.Unknown)]
    public void Parse_Line_HasKind(string text, int kind) => Assert.Equal(kind, Parse(text).Kind);

    [Fact]
    public void Parse_OkWithValue_HasValue()
    {
        // ROPT answers "OK 01" when ERXUDP data are hex ASCII (BP35A1 reference 3.29 ROPT).
        var line = Parse("OK 01");
        Assert.Equal(SkStackLineKind.Ok, line.Kind);
        Assert.Equal(1, line.OkValue);
    }

    [Theory]
    [InlineData("FAIL ER04", 4)]
    [InlineData("FAIL ER10", 10)]
    [InlineData("FAIL ERXY", SkStackFailCode.Unreadable)]
    public void Parse_Fail_HasCode(string text, int code)
    {
        var line = Parse(text);
        Assert.Equal(SkStackLineKind.Fail, line.Kind);
        Assert.Equal(code, line.FailCode);
    }

    [Fact]
    public void Parse_Ever_HasVersionToken()
    {
        var line = Parse("EVER 1.2.10");
        Assert.Equal(SkStackLineKind.Version, line.Kind);
        Assert.Equal("1.2.10", line.TokenText(1));
    }

    [Theory]
    [InlineData("EVENT 21 FE80:0000:0000:0000:021D:1290:1234:5678 00", 0x21, -1, 0)]
    [InlineData("EVENT 21 FE80:0000:0000:0000:021D:1290:1234:5678 0 01", 0x21, 0, 1)]
    [InlineData("EVENT 25 FE80:0000:0000:0000:021D:1290:1234:5678", 0x25, -1, -1)]
    [InlineData("EVENT 25 FE80:0000:0000:0000:021D:1290:1234:5678 0", 0x25, 0, -1)]
    [InlineData("EVENT 29 FE80::1", 0x29, -1, -1)]
    public void Parse_Event_SplitsSideAndParam(string text, int number, int side, int param)
    {
        var line = Parse(text);
        Assert.Equal(SkStackLineKind.Event, line.Kind);
        Assert.Equal(number, line.EventNumber);
        Assert.Equal(side, line.Side);
        Assert.Equal(param, line.EventParam);
    }

    [Theory]
    [InlineData("  Channel:21", SkStackPanField.Channel, 0x21)]
    [InlineData("  Channel Page:09", SkStackPanField.ChannelPage, 9)]
    [InlineData("  Pan ID:8888", SkStackPanField.PanId, 0x8888)]
    [InlineData("  LQI:E1", SkStackPanField.Lqi, 0xE1)]
    [InlineData("  PairID:AABBCCDD", SkStackPanField.PairId, 0xAABBCCDD)]
    [InlineData("  Side:0", SkStackPanField.Unknown, 0)]
    public void Parse_PanField_HasNameAndValue(string text, int field, long value)
    {
        var line = Parse(text);
        Assert.Equal(SkStackLineKind.PanField, line.Kind);
        Assert.Equal(field, line.PanField);
        Assert.Equal(value, line.PanValue);
    }

    [Fact]
    public void Parse_PanAddress_KeepsAll64Bits()
    {
        var line = Parse("  Addr:F2345678ABCDEF01");
        Assert.Equal(SkStackPanField.Address, line.PanField);
        Assert.Equal(unchecked((long)0xF2345678ABCDEF01UL), line.PanValue);
        Assert.Equal(16, line.PanValueDigits);
    }

    [Fact]
    public void Parse_ErxudpBinaryData_TakesRawRestOfLine()
    {
        // WOPT 00: DATALEN raw bytes, which may hold spaces.
        var line = Parse("ERXUDP FE80::1 FE80::2 0E1A 0E1A 001D129012345678 1 0004 a b\x01");
        Assert.Equal(SkStackLineKind.ReceivedUdp, line.Kind);
        Assert.False(line.DataWasHex);
        Assert.Equal(4, line.DataLength);
        Assert.Equal(new byte[] { (byte)'a', (byte)' ', (byte)'b', 1 }, line.Data[..4]);
    }

    [Fact]
    public void Parse_ErxudpThreeMiddleTokens_ReadsRssiSecuredSide()
    {
        var line = Parse("ERXUDP FE80::1 FE80::2 0E1A 0E1A 001D129012345678 C3 1 0 0002 0102");
        Assert.Equal(SkStackLineKind.ReceivedUdp, line.Kind);
        Assert.Equal(3, line.MiddleCount);
        Assert.Equal(0xC3, line.RssiRaw);
        Assert.Equal(1, line.Secured);
        Assert.Equal(0, line.Side);
        Assert.Equal(new byte[] { 1, 2 }, line.Data[..2]);
    }

    [Theory]
    [InlineData("ERXUDP FE80::1 FE80::2 0E1A 0E1A 001D129012345678 1 0003 01")]
    [InlineData("ERXUDP FE80::1 FE80::2 0E1A 0E1A 001D129012345678 1 0002 01GG")]
    [InlineData("ERXUDP FE80::1 FE80::2 0E1A 0E1A 001D129012345678 1 0002 0102 03")]
    [InlineData("ERXUDP FE80::1 FE80::2 0E1A 0E1A 001D129012345678 1 04D1 00")]
    [InlineData("ERXUDP FE80::1 FE80::2 0E1AX 0E1A 001D129012345678 1 0001 00")]
    public void Parse_ErxudpInconsistent_IsUnknownWithNoData(string text)
    {
        var line = Parse(text);
        Assert.Equal(SkStackLineKind.Unknown, line.Kind);
        Assert.Equal(0, line.DataLength);
    }

    [Fact]
    public void Parse_ShortHexWhenBinaryNotAllowed_IsUnknown()
    {
        // Two hex digits for DATALEN 2 reads as two raw bytes, unless the module is known to send hex.
        var bytes = System.Text.Encoding.Latin1.GetBytes("ERXUDP FE80::1 FE80::2 0E1A 0E1A 001D129012345678 1 0002 01");
        var line = new SkStackLine();
        Assert.Equal(SkStackLineKind.ReceivedUdp, line.Parse(bytes, bytes.Length));
        line.AllowBinaryData = false;
        Assert.Equal(SkStackLineKind.Unknown, line.Parse(bytes, bytes.Length));
    }

    [Fact]
    public void Parse_NullOrBadLength_IsUnknown()
    {
        var line = new SkStackLine();
        Assert.Equal(SkStackLineKind.Unknown, line.Parse(null!, 3));
        Assert.Equal(SkStackLineKind.Unknown, line.Parse(new byte[2], 3));
        Assert.Equal(SkStackLineKind.Unknown, line.Parse(new byte[2], -1));
    }

    [Theory]
    [InlineData(0xE1, -42395)]
    [InlineData(0, -104270)]
    public void LqiToRssiMilliDbm_CommandReferenceFormula(int lqi, int milliDbm) =>
        Assert.Equal(milliDbm, SkStackRadio.LqiToRssiMilliDbm(lqi));

    [Fact]
    public void ScanTimeMs_Duration6AllChannels_Is28Times650Ms() =>
        Assert.Equal(28 * 650, SkStackRadio.ScanTimeMs(0xFFFFFFFFL, 6));
}
