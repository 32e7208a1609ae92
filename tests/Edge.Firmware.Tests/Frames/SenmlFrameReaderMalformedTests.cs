using Edge.Firmware.Frames;
using static Edge.Firmware.Tests.Frames.FrameHex;

namespace Edge.Firmware.Tests.Frames;

/// <summary>Frames the shared reader refuses, with the exact one-line reason (cases of the former edge-field suite).</summary>
public sealed class SenmlFrameReaderMalformedTests
{
    private const string Second = N + V1240 + T3600 + Seq18 + CqNtp;

    public static TheoryData<string, string> Cases => new()
    {
        // Frame level.
        { string.Empty, "empty frame: there are no bytes to decode" },
        { "a0", "not a CBOR array (the frame starts with a map)" },
        { "01", "not a CBOR array (the frame starts with an unsigned integer)" },
        { "80", "the frame has no records" },
        { Example + "00", "trailing bytes after frame (1 byte after the end of the array)" },
        { Example + "0000", "trailing bytes after frame (2 bytes after the end of the array)" },
        { "9f" + Map(8) + FirstPairs + "ff", "indefinite-length item at byte 1; FRAME.md requires definite lengths" },
        { "1c", "not well-formed CBOR: reserved additional information 28 at byte 1" },
        { "ff", "not well-formed CBOR: unexpected break (0xff) at byte 1" },

        // Record structure.
        { "8101", "record 1: not a CBOR map (found an unsigned integer)" },
        { Frame((8, FirstPairs)) .Replace("a8", "bf", StringComparison.Ordinal) + "ff", "record 1: indefinite-length item at byte 2; FRAME.md requires definite lengths" },
        { Frame((8, FirstPairs), (4, N + V1240 + T3600 + CqNtp)), "record 2: missing seq" },
        { Frame((8, FirstPairs), (4, V1240 + T3600 + Seq18 + CqNtp)), "record 2: missing n (name)" },
        { Frame((8, FirstPairs), (4, N + T3600 + Seq18 + CqNtp)), "record 2: missing v (value)" },
        { Frame((8, FirstPairs), (4, N + V1240 + T3600 + Seq18)), "record 2: missing cq" },
        { Frame((7, Bt + Bu + N + V1234 + T0 + Seq17 + CqNtp)), "record 1: missing bn (base name) in the first record" },
        { Frame((7, Bn + Bu + N + V1234 + T0 + Seq17 + CqNtp)), "record 1: missing bt (base time) in the first record" },

        // Field types and values.
        { Frame((8, Bn + Bt + Bu + N + "02" + "6131" + T0 + Seq17 + CqNtp)), "record 1: v must be a number (found a text string)" },
        { Frame((8, Bn + Bt + Bu + N + "02" + "f97e00" + T0 + Seq17 + CqNtp)), "record 1: v must be a finite number (got NaN)" },
        { Frame((8, Bn + Bt + Bu + N + "02" + "1bffffffffffffffff" + T0 + Seq17 + CqNtp)), "record 1: v is outside the 64-bit integer range" },
        { Frame((8, Bn + Bt + Bu + N + V1234 + T0 + Seq17 + "626371" + "63677073")), "record 1: unknown cq \"gps\" (expected gnss, ntp, gateway or rtc-unsynced)" },
        { Frame((8, Bn + Bt + Bu + N + V1234 + T0 + "63736571" + "20" + CqNtp)), "record 1: seq must be an unsigned integer (got -1)" },
        { Frame((8, Bn + Bt + Bu + N + V1234 + T0 + "63736571" + "6131" + CqNtp)), "record 1: seq must be an unsigned integer (found a text string)" },
        { Frame((9, FirstPairs + "62666c" + "6131")), "record 1: fl must be an unsigned integer (found a text string)" },
        { Frame((8, Bn + "22" + "6131" + Bu + N + V1234 + T0 + Seq17 + CqNtp)), "record 1: bt must be an integer (found a text string)" },
        { Frame((8, Bn + Bt + Bu + N + V1234 + "06" + "f93c00" + Seq17 + CqNtp)), "record 1: t must be an integer (found a float)" },
        { Frame((8, Bn + Bt + Bu + "00" + "60" + V1234 + T0 + Seq17 + CqNtp)), "record 1: n (name) is empty" },
        { Frame((8, Bn + Bt + Bu + "00" + "62c328" + V1234 + T0 + Seq17 + CqNtp)), "record 1: n is not valid UTF-8 text" },
        { Frame((8, Bn + "22" + "1b7fffffffffffffff" + Bu + N + V1234 + T0 + Seq17 + CqNtp)), "record 1: time bt + t = 9223372036854775807 s is outside years 0001-9999" },
        { Frame((8, "21" + "69706d2d303030303031" + Bt + Bu + N + V1234 + T0 + Seq17 + CqNtp)), "record 1: bn must be urn:dev:ops:{deviceId}: (got \"pm-000001\")" },

        // Labels.
        { Frame((9, FirstPairs + Seq18)), "record 1: duplicate label \"seq\"" },
        { Frame((9, FirstPairs + "1800" + "6178")), "record 1: duplicate label n (0)" },
        { Frame((9, FirstPairs + "62785f" + "01")), "record 1: label \"x_\" ends in '_', so it must be understood (RFC 8428 §4.4), and FRAME.md does not define it" },
        { Frame((9, FirstPairs + "24" + "01")), "record 1: bv (-5) is not part of FRAME.md and would change every value" },
        { Frame((9, FirstPairs + "62c328" + "01")), "record 1: a label is not valid UTF-8 text" },
        { Frame((9, FirstPairs + "627878" + "62c328")), "record 1: the value of \"xx\" has a repeated map key or text that is not valid UTF-8" },
        { Frame((9, FirstPairs + "627878" + "a2" + "0101" + "0102")), "record 1: the value of \"xx\" has a repeated map key or text that is not valid UTF-8" },
        { Frame((9, FirstPairs + "40" + "01")), "record 1: a label must be an integer or a text string (found a byte string)" },
        { Frame((8, FirstPairs), (6, Bt + Second)), "record 2: bt is only allowed in the first record (FRAME.md)" },
        { Frame((8, FirstPairs), (6, Bn + Second)), "record 2: bn is only allowed in the first record (FRAME.md)" },

        // Across records.
        { Frame((8, FirstPairs), (5, N + V1240 + T3600 + Seq17 + CqNtp)), "record 2: duplicate seq 17 (also in record 1)" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_MalformedFrame_GivesClearReason(string hex, string expected)
    {
        var ex = Assert.Throws<FrameFormatException>(() => SenmlFrameReader.Read(Bytes(hex)));

        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void Read_CutInSecondRecord_SaysTruncatedInRecord2()
    {
        var bytes = Bytes(Example);

        var ex = Assert.Throws<FrameFormatException>(() => SenmlFrameReader.Read(bytes.AsMemory(0, bytes.Length - 1)));

        Assert.StartsWith("record 2: frame is truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CutInsideBaseTime_SaysTruncatedInRecord1()
    {
        // 2 heads + bn (2 + 22 bytes) + 0x22 0x1a and two of the four bytes of bt.
        var ex = Assert.Throws<FrameFormatException>(() => SenmlFrameReader.Read(Bytes(Example).AsMemory(0, 30)));

        Assert.StartsWith("record 1: frame is truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DeclaredTextLongerThanData_SaysTruncated()
    {
        // 0x7a: text with a 4-byte length, 0xffffffff bytes announced, none present.
        var ex = Assert.Throws<FrameFormatException>(() => SenmlFrameReader.Read(Bytes("81a1007affffffff")));

        Assert.StartsWith("record 1: frame is truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DeeplyNestedArrays_RefusedWithoutCrashing()
    {
        var hex = string.Concat(Enumerable.Repeat("81", 100_000)) + "00";

        var ex = Assert.Throws<FrameFormatException>(() => SenmlFrameReader.Read(Bytes(hex)));

        Assert.Contains("nested more than", ex.Message, StringComparison.Ordinal);
    }
}
