using Edge.Firmware.Frames;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.Tests.Frames;

/// <summary>The clock fields of FRAME.md ("Clock"), written by hand into the example's first record.</summary>
public sealed class SenmlFrameReaderClockTests
{
    private const string Boot12 = "64 626f6f74 0c";                 // text(4) "boot": 12
    private const string Now = "63 6e6f77 1a 386d4380";             // text(3) "now": uint32 946684800 (2000-01-01T00:00:00Z)
    private const string NqUnsynced = "62 6e71 6c 7274632d756e73796e636564"; // "nq": text(12) "rtc-unsynced"
    private const string StepMinus = "64 73746570 3a 0001869f";     // text(4) "step": -100000 (major 1, arg 99999 = 0x1869f)
    private const string Second = "a5" + FrameHex.N + FrameHex.V1240 + FrameHex.T3600 + FrameHex.Seq18 + FrameHex.CqNtp;

    private static byte[] Frame(int extraPairs, string extra) =>
        FrameHex.Bytes("82" + (0xa8 + extraPairs).ToString("x2", System.Globalization.CultureInfo.InvariantCulture) + FrameHex.FirstPairs + extra + Second);

    [Fact]
    public void Read_AllClockFields_GivesThem()
    {
        var frame = SenmlFrameReader.Read(Frame(4, Boot12 + Now + NqUnsynced + StepMinus));

        Assert.Equal(new FrameClock(12, 946_684_800, ClockQualities.RtcUnsynced, -100_000), frame.Header.Clock);
        Assert.False(frame.Header.Clock.IsEmpty);
    }

    [Fact]
    public void Read_NoClockFields_GivesEmptyClock()
    {
        Assert.True(SenmlFrameReader.Read(FrameHex.Bytes(FrameHex.Example)).Header.Clock.IsEmpty);
    }

    [Theory]
    [InlineData(1, Now, "now without nq")]
    [InlineData(1, NqUnsynced, "nq without now")]
    [InlineData(1, StepMinus, "step without boot")]
    [InlineData(1, "64 626f6f74 20", "boot")]                     // "boot": -1
    [InlineData(1, "62 6e71 63 78797a", "unknown nq \"xyz\"")]    // "nq": "xyz"
    [InlineData(2, "63 6e6f77 1b 7fffffffffffffff" + NqUnsynced, "outside years 0001-9999")]
    public void TryRead_BadClockFields_Refused(int pairs, string extra, string reason)
    {
        Assert.False(SenmlFrameReader.TryRead(Frame(pairs, extra), out _, out var error));

        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryRead_BootInSecondRecord_Refused()
    {
        var bytes = FrameHex.Bytes("82a8" + FrameHex.FirstPairs + "a6" + FrameHex.N + FrameHex.V1240 + FrameHex.T3600 + FrameHex.Seq18 + FrameHex.CqNtp + Boot12);

        Assert.False(SenmlFrameReader.TryRead(bytes, out _, out var error));

        Assert.Contains("boot is only allowed in the first record", error, StringComparison.Ordinal);
    }
}
