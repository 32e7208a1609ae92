using Edge.Field.Decoding;
using Edge.Firmware.Frames;
using static Edge.Firmware.Tests.Frames.FrameHex;

namespace Edge.Field.Tests.Decoding;

/// <summary>
/// edge-field's own part of decoding: it uses the shared reader (its rules are tested in
/// Edge.Firmware.Tests/Frames) and names the flag bits for the technician.
/// </summary>
public sealed class FrameDecoderTests
{
    [Fact]
    public void Decode_FrameMdExample_SameFrameAsTheSharedReader()
    {
        var bytes = Bytes(Example);

        var frame = FrameDecoder.Decode(bytes);

        Assert.Equal(SenmlFrameReader.Read(bytes).Header, frame.Header);
        Assert.Equal(SenmlFrameReader.Read(bytes).Records, frame.Records);
    }

    [Fact]
    public void Decode_Malformed_ThrowsTheSharedReadersReason()
    {
        var hex = Frame((8, FirstPairs), (4, N + V1240 + T3600 + CqNtp));

        var ex = Assert.Throws<FrameFormatException>(() => FrameDecoder.Decode(Bytes(hex)));

        Assert.Equal("record 2: missing seq", ex.Message);
    }

    [Fact]
    public void TryDecode_Malformed_GivesReasonInsteadOfThrowing()
    {
        var ok = FrameDecoder.TryDecode(Bytes("a0"), out var frame, out var error);

        Assert.False(ok);
        Assert.Null(frame);
        Assert.StartsWith("not a CBOR array", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_FrameMdExample_FlagNamesOfBothRecords()
    {
        var records = FrameDecoder.Decode(Bytes(Example)).Records;

        Assert.Empty(FrameFlags.Names(records[0].Flags));
        Assert.Equal(["reverse"], FrameFlags.Names(records[1].Flags));
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

        Assert.Equal(expected, FrameFlags.Names(FrameDecoder.Decode(Bytes(hex)).Records[0].Flags));
    }

    [Fact]
    public void Names_HighestBit_IsNamedToo()
    {
        // Nothing is hidden: an undefined bit is shown as bit{n}, up to the top bit of the int.
        Assert.Equal(["reverse", "bit30"], FrameFlags.Names((1 << 30) | 1));
        Assert.Equal(["bit31"], FrameFlags.Names(int.MinValue));
    }
}
