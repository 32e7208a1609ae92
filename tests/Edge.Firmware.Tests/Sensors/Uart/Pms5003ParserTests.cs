using Edge.Firmware.Sensors.Uart;

namespace Edge.Firmware.Tests.Sensors.Uart;

/// <summary>PMS5003 frames and commands from ../shared/conformance/sensors.md ("PMS5003").</summary>
public sealed class Pms5003ParserTests
{
    // sensors.md: the 32-byte frame -> PM 12/18/21 (standard and atmospheric), counts 2100/620/110/10/2/1.
    private static readonly byte[] _frame = Convert.FromHexString("424D001C000C00120015000C001200150834026C006E000A0002000197 0002CD".Replace(" ", "", StringComparison.Ordinal));

    private static int PushAll(Pms5003Parser parser, byte[] bytes)
    {
        var frames = 0;
        foreach (var b in bytes)
        {
            if (parser.Push(b) == Pms5003Parser.DataFrame)
            {
                frames++;
            }
        }

        return frames;
    }

    [Fact]
    public void Push_CorpusFrame_DecodesEveryField()
    {
        var p = new Pms5003Parser();
        Assert.Equal(1, PushAll(p, _frame));
        var d = p.Data;
        Assert.Equal((12, 18, 21), (d.Pm1Standard, d.Pm25Standard, d.Pm10Standard));
        Assert.Equal((12, 18, 21), (d.Pm1Atmospheric, d.Pm25Atmospheric, d.Pm10Atmospheric));
        Assert.Equal((2100, 620, 110, 10, 2, 1), (d.Count03, d.Count05, d.Count10, d.Count25, d.Count50, d.Count100));
        Assert.Equal(0x97, d.Version);
        Assert.Equal(0, d.ErrorCode);
        Assert.Equal(0, p.GarbageBytes);
    }

    [Theory]
    [InlineData(0xE1, 0, "424DE100000170")]
    [InlineData(0xE1, 1, "424DE100010171")]
    [InlineData(0xE2, 0, "424DE200000171")]
    [InlineData(0xE4, 0, "424DE400000173")]
    [InlineData(0xE4, 1, "424DE400010174")]
    public void BuildCommand_MatchesCorpus(int command, int data, string hex)
    {
        var buffer = new byte[9];
        Pms5003.BuildCommand((byte)command, data, buffer, 1);
        Assert.Equal(hex, Convert.ToHexString(buffer, 1, 7));
    }

    [Fact]
    public void Push_GarbageWithFalseStarts_ResynchronisesOnTheRealFrame()
    {
        // A false start 42 4D with a bad length, a stray 42, then a false start with a plausible length whose
        // check fails because the real frame begins inside it.
        byte[] garbage = [0x00, 0x42, 0x4D, 0x12, 0x34, 0x42, 0x13, 0x42, 0x4D, 0x00, 0x1C, 0x01];
        var p = new Pms5003Parser();
        Assert.Equal(2, PushAll(p, [.. garbage, .. _frame, .. _frame]));
        Assert.Equal(18, p.Data.Pm25Standard);
        Assert.Equal(garbage.Length, p.GarbageBytes);
        Assert.True(p.BadFrames >= 1);
    }

    [Fact]
    public void Push_CorruptedFrameThenGoodFrame_OnlyTheGoodOneCounts()
    {
        var bad = (byte[])_frame.Clone();
        bad[10] ^= 0x01;
        var p = new Pms5003Parser();
        Assert.Equal(1, PushAll(p, [.. bad, .. _frame]));
        Assert.Equal(1, p.BadFrames);
        Assert.Equal(_frame.Length, p.GarbageBytes);
    }

    [Fact]
    public void Push_CommandAnswer_IsReportedAsAnswer()
    {
        // Answer to "passive": 42 4D 00 04 E1 00, check 0x0174 (sum of the six bytes before it).
        var p = new Pms5003Parser();
        var kinds = new List<int>();
        foreach (var b in new byte[] { 0x42, 0x4D, 0x00, 0x04, 0xE1, 0x00, 0x01, 0x74 })
        {
            kinds.Add(p.Push(b));
        }

        Assert.Equal(Pms5003Parser.CommandAnswer, kinds[^1]);
        Assert.Equal(0xE1, p.AnswerCommand);
        Assert.Equal(0, p.AnswerData);
    }
}
