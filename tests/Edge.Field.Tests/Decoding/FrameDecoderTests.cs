using Edge.Field.Decoding;
using static Edge.Field.Tests.Support.FrameHex;

namespace Edge.Field.Tests.Decoding;

public sealed class FrameDecoderTests
{
    [Fact]
    public void Decode_FrameMdExample_GivesDeviceAndBase()
    {
        var frame = FrameDecoder.Decode(Bytes(Example));

        Assert.Equal("pm-000001", frame.DeviceId);
        Assert.Equal("urn:dev:ops:pm-000001:", frame.BaseName);
        Assert.Equal(1764028800, frame.BaseTime);
        Assert.Equal("l", frame.BaseUnit);
        Assert.Equal(2, frame.Records.Count);
    }

    [Fact]
    public void Decode_FrameMdExample_GivesBothReadings()
    {
        var records = FrameDecoder.Decode(Bytes(Example)).Records;

        var first = records[0];
        Assert.Equal((1, "volume", 1234L, "l", 0L, 17UL, "ntp", 0UL), (first.Index, first.Channel, first.Value.Integer, first.Unit, first.TimeOffsetSeconds, first.Seq, first.ClockQuality, first.Flags));
        Assert.True(first.Value.IsInteger);
        Assert.Equal(new DateTimeOffset(2025, 11, 25, 0, 0, 0, TimeSpan.Zero), first.Time);
        Assert.Empty(first.FlagNames);

        var second = records[1];
        Assert.Equal((2, "volume", 1240L, "l", 3600L, 18UL, "ntp", 1UL), (second.Index, second.Channel, second.Value.Integer, second.Unit, second.TimeOffsetSeconds, second.Seq, second.ClockQuality, second.Flags));
        Assert.Equal(new DateTimeOffset(2025, 11, 25, 1, 0, 0, TimeSpan.Zero), second.Time);
        Assert.Equal(["reverse"], second.FlagNames);
    }

    [Fact]
    public void Decode_Float64Value_KeepsShortestDecimal()
    {
        // 2: float64 1234.5 = 0x40934a0000000000 (IEEE 754: exponent 1033, fraction 0x34a << 40).
        var hex = Frame((8, Bn + Bt + Bu + N + "02fb40934a0000000000" + T0 + Seq17 + CqNtp));

        var value = FrameDecoder.Decode(Bytes(hex)).Records[0].Value;

        Assert.False(value.IsInteger);
        Assert.Equal(1234.5, value.Number);
        Assert.Equal("1234.5", value.ToString());
    }

    [Fact]
    public void Decode_HalfPrecisionFloat_IsAccepted()
    {
        // f9 3c00: half-precision 1.0 (RFC 8949 Appendix A).
        var hex = Frame((8, Bn + Bt + Bu + N + "02f93c00" + T0 + Seq17 + CqNtp));

        Assert.Equal(1.0, FrameDecoder.Decode(Bytes(hex)).Records[0].Value.Number);
    }

    [Fact]
    public void Decode_NegativeTimeAndUnitOverride_AppliesBoth()
    {
        // Record 2: t (6) = -3600 is major type 1 with argument 3599 (0x39 0x0e0f); u (1) = "m3".
        var second = N + V1240 + "06" + "390e0f" + Seq18 + CqNtp + "01" + "626d33";
        var frame = FrameDecoder.Decode(Bytes(Frame((8, FirstPairs), (6, second))));

        Assert.Equal(new DateTimeOffset(2025, 11, 24, 23, 0, 0, TimeSpan.Zero), frame.Records[1].Time);
        Assert.Equal(-3600, frame.Records[1].TimeOffsetSeconds);
        Assert.Equal("m3", frame.Records[1].Unit);
        Assert.Equal("l", frame.Records[0].Unit);
    }

    [Fact]
    public void Decode_NoTimeLabel_MeansBaseTime()
    {
        // RFC 8428 §4.5.3: a missing t is 0, i.e. the base time.
        var frame = FrameDecoder.Decode(Bytes(Frame((7, Bn + Bt + Bu + N + V1234 + Seq17 + CqNtp))));

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764028800), frame.Records[0].Time);
    }

    [Fact]
    public void Decode_UnknownLabelsWithoutUnderscore_AreIgnored()
    {
        // RFC 8428 §4.4: 5 (s, sum) = 7 and "xx": {1: [1, 2]} may be ignored by a reader that does not know them.
        var extra = "0507" + "627878" + "a1" + "01" + "820102";
        var frame = FrameDecoder.Decode(Bytes(Frame((10, FirstPairs + extra))));

        Assert.Equal(1234, frame.Records[0].Value.Integer);
    }

    [Theory]
    [InlineData("01", new[] { "reverse" })]
    [InlineData("181f", new[] { "reverse", "tamper", "lost-before", "reboot", "low-battery" })]
    [InlineData("0c", new[] { "lost-before", "reboot" })]
    [InlineData("1830", new[] { "low-battery", "bit5" })]
    public void Decode_Flags_NamedAsInFrameMd(string flagsHex, string[] expected)
    {
        // Bits per FRAME.md: 0 reverse, 1 tamper, 2 lost-before, 3 reboot, 4 low-battery; 0x1f = 31 and
        // 0x30 = 48 need the one-byte argument form (0x18 xx).
        var hex = Frame((9, FirstPairs + "62666c" + flagsHex));

        Assert.Equal(expected, FrameDecoder.Decode(Bytes(hex)).Records[0].FlagNames);
    }

    [Theory]
    [InlineData("64676e7373", "gnss")]
    [InlineData("6767617465776179", "gateway")]
    [InlineData("6c7274632d756e73796e636564", "rtc-unsynced")]
    public void Decode_EachClockQuality_IsAccepted(string cqText, string expected)
    {
        var hex = Frame((8, Bn + Bt + Bu + N + V1234 + T0 + Seq17 + "626371" + cqText));

        Assert.Equal(expected, FrameDecoder.Decode(Bytes(hex)).Records[0].ClockQuality);
    }

    [Fact]
    public void TryDecode_Malformed_GivesReasonInsteadOfThrowing()
    {
        var ok = FrameDecoder.TryDecode(Bytes("a0"), out var frame, out var error);

        Assert.False(ok);
        Assert.Null(frame);
        Assert.StartsWith("not a CBOR array", error, StringComparison.Ordinal);
    }
}
