using Edge.Firmware.Frames;
using Edge.Firmware.Hardware;
using static Edge.Firmware.Tests.Frames.FrameHex;

namespace Edge.Firmware.Tests.Frames;

/// <summary>Frames the shared reader accepts (cases from the former gateway and edge-field decoder suites).</summary>
public sealed class SenmlFrameReaderTests
{
    [Fact]
    public void Read_ValidSingleRecordTemplate_IsAccepted()
    {
        // Guards the malformed cases: each differs from this accepted frame in one field only.
        var frame = SenmlFrameReader.Read(Bytes(Array(1) + MapOf(Bn, Bt, N, V1234, T0, Seq17, CqNtp)));

        Assert.Null(frame.Header.BaseUnit);
        Assert.Equal(
            new FrameRecord(1, "volume", string.Empty, new FrameValue(1234, 0, true), 0, 1_764_028_800_000, 17, ClockQualities.Ntp, 0),
            Assert.Single(frame.Records));
    }

    [Fact]
    public void Read_UnitOverridesBaseUnitAndTimeDefaultsToZero_UsesRecordUnitAndBaseTime()
    {
        // {-2: urn, -3: 1764028800, -4: "l", 0: "volume", 1: "m3", 2: 1234, "seq": 17, "cq": "gnss"}; no t
        var frame = SenmlFrameReader.Read(Bytes(Array(1) + MapOf(Bn, Bt, Bu, N, "01 62 6D33", V1234, Seq17, "62 6371 64 676E7373")));

        Assert.Equal(
            new FrameRecord(1, "volume", "m3", new FrameValue(1234, 0, true), 0, 1_764_028_800_000, 17, ClockQualities.Gnss, 0),
            Assert.Single(frame.Records));
    }

    [Fact]
    public void Read_NegativeTimeAndUnitOverride_AppliesBoth()
    {
        // Record 2: t (6) = -3600 is major type 1 with argument 3599 (0x39 0x0e0f); u (1) = "m3".
        var second = N + V1240 + "06" + "390e0f" + Seq18 + CqNtp + "01" + "626d33";
        var frame = SenmlFrameReader.Read(Bytes(Frame((8, FirstPairs), (6, second))));

        Assert.Equal(new DateTimeOffset(2025, 11, 24, 23, 0, 0, TimeSpan.Zero), frame.Records[1].Observed);
        Assert.Equal(-3600, frame.Records[1].TimeOffset);
        Assert.Equal("m3", frame.Records[1].Unit);
        Assert.Equal("l", frame.Records[0].Unit);
    }

    [Fact]
    public void Read_NoTimeLabel_MeansBaseTime()
    {
        // RFC 8428 §4.5.3: a missing t is 0, i.e. the base time.
        var frame = SenmlFrameReader.Read(Bytes(Frame((7, Bn + Bt + Bu + N + V1234 + Seq17 + CqNtp))));

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1764028800), frame.Records[0].Observed);
        Assert.Equal(0, frame.Records[0].TimeOffset);
    }

    [Theory]
    [InlineData("62 7A7A 05")] // "zz": 5
    [InlineData("62 7878 A1 01 820102")] // "xx": {1: [1, 2]}
    public void Read_UnknownTextLabelWithoutUnderscore_IsIgnored(string extension)
    {
        // RFC 8428 §4.4: a label not ending in '_' that the reader does not know may be ignored.
        var frame = SenmlFrameReader.Read(Bytes(Array(1) + MapOf(Bn, Bt, N, V1234, T0, Seq17, CqNtp, extension)));

        var record = Assert.Single(frame.Records);
        Assert.Equal((17L, 1234L), (record.Seq, record.Value.Mantissa));
    }

    [Theory]
    [InlineData("02 FB 3FB999999999999A", 1, 1)] // float64 0.1
    [InlineData("02 FB 40934A449BA5E354", 1234567, 3)] // float64 1234.567
    [InlineData("02 FB 3EE4F8B588E368F1", 1, 5)] // float64 1e-05
    [InlineData("02 FB 4059000000000000", 100, 0)] // float64 100.0
    [InlineData("02 FB C004000000000000", -25, 1)] // float64 -2.5
    [InlineData("02 FB 3C32725DD1D243AC", 1, 18)] // float64 1e-18, the most decimals a batch carries
    [InlineData("02 FA 3DCCCCCD", 1, 1)] // float32 0.1 (shortest at its own precision)
    [InlineData("02 F9 3E00", 15, 1)] // float16 1.5
    [InlineData("02 F9 3C00", 1, 0)] // float16 1.0 (RFC 8949 Appendix A)
    [InlineData("02 3903E7", -1000, 0)] // integer -1000 (major 1, argument 999)
    [InlineData("02 1B 7FFFFFFFFFFFFFFF", long.MaxValue, 0)] // largest integer
    [InlineData("02 3B 7FFFFFFFFFFFFFFF", long.MinValue, 0)] // smallest integer
    public void Read_NumericValue_ConvertsToExactMantissaAndScale(string value, long mantissa, int scale)
    {
        var frame = SenmlFrameReader.Read(Bytes(Array(1) + MapOf(Bn, Bt, N, value, T0, Seq17, CqNtp)));

        var record = Assert.Single(frame.Records);
        Assert.Equal((mantissa, scale), (record.Value.Mantissa, record.Value.Scale));
    }

    [Fact]
    public void Read_Float64Value_KeepsShortestDecimal()
    {
        // 2: float64 1234.5 = 0x40934a0000000000 (IEEE 754: exponent 1033, fraction 0x34a << 40).
        var hex = Frame((8, Bn + Bt + Bu + N + "02fb40934a0000000000" + T0 + Seq17 + CqNtp));

        var value = SenmlFrameReader.Read(Bytes(hex)).Records[0].Value;

        Assert.False(value.IsInteger);
        Assert.Equal(1234.5, value.ToDouble());
        Assert.Equal("1234.5", value.ToString());
    }

    [Theory]
    [InlineData("01", 1)]
    [InlineData("181f", 31)]
    [InlineData("0c", 12)]
    [InlineData("1830", 48)]
    [InlineData("1a7fffffff", int.MaxValue)]
    public void Read_Flags_GivesTheNumber(string flagsHex, int expected)
    {
        // 0x1f = 31 and 0x30 = 48 need the one-byte argument form (0x18 xx); names are edge-field's business.
        var hex = Frame((9, FirstPairs + "62666c" + flagsHex));

        Assert.Equal(expected, SenmlFrameReader.Read(Bytes(hex)).Records[0].Flags);
    }

    [Theory]
    [InlineData("64676e7373", ClockQualities.Gnss, "gnss")]
    [InlineData("636e7470", ClockQualities.Ntp, "ntp")]
    [InlineData("6767617465776179", ClockQualities.Gateway, "gateway")]
    [InlineData("6c7274632d756e73796e636564", ClockQualities.RtcUnsynced, "rtc-unsynced")]
    public void Read_EachClockQuality_IsAccepted(string cqText, int code, string text)
    {
        var record = SenmlFrameReader.Read(Bytes(Frame((8, Bn + Bt + Bu + N + V1234 + T0 + Seq17 + "626371" + cqText)))).Records[0];

        Assert.Equal((code, text), (record.ClockQuality, record.ClockQualityText));
    }

    [Theory]
    [InlineData("22 1b 0000003afff4417f", 253_402_300_799_000)] // bt 9999-12-31T23:59:59Z
    [InlineData("22 3b 0000000e7791f6ff", -62_135_596_800_000)] // bt 0001-01-01T00:00:00Z
    public void Read_TimeAtTheEdgeOfYears0001To9999_IsAccepted(string bt, long observedMs)
    {
        var frame = SenmlFrameReader.Read(Bytes(Array(1) + MapOf(Bn, bt, N, V1234, T0, Seq17, CqNtp)));

        Assert.Equal(observedMs, frame.Records[0].ObservedUnixMs);
    }

    [Fact]
    public void Read_LargestSeqAndIdsOf256Bytes_AreAccepted()
    {
        // seq 2^63-1; n and u of 256 bytes each (FrameLimits.MaxIdBytes).
        var frame = SenmlFrameReader.Read(Bytes(Array(1) + MapOf(
            Bn, Bt, "00 " + LongText(256), "01 " + LongText(256), V1234, T0, "63736571 1b 7fffffffffffffff", CqNtp)));

        var record = frame.Records[0];
        Assert.Equal((long.MaxValue, 256, 256), (record.Seq, record.Channel.Length, record.Unit.Length));
    }

    [Fact]
    public void Read_BnOfAnyDevice_GivesItsId()
    {
        // Matching the id to the MQTT topic is the gateway's job (DeviceFramesTests there).
        var frame = SenmlFrameReader.Read(Bytes(Array(1) + MapOf(
            "21 76 75726E3A6465763A6F70733A706D2D3030303030323A", Bt, N, V1234, T0, Seq17, CqNtp)));

        Assert.Equal(("urn:dev:ops:pm-000002:", "pm-000002"), (frame.Header.BaseName, frame.Header.DeviceId));
    }

    [Fact]
    public void TryRead_Malformed_GivesReasonInsteadOfThrowing()
    {
        var ok = SenmlFrameReader.TryRead(Bytes("a0"), out var frame, out var error);

        Assert.False(ok);
        Assert.Null(frame);
        Assert.Equal("not a CBOR array (the frame starts with a map)", error);
    }
}
