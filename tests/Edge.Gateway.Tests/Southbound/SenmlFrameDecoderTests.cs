using Edge.Gateway.Southbound;
using Edge.Gateway.Tests.Support;
using Edge.Uplink;
using static Edge.Gateway.Tests.Support.Frames;

namespace Edge.Gateway.Tests.Southbound;

public class SenmlFrameDecoderTests
{
    [Fact]
    public void TryDecode_FrameMdExample_ReturnsBothReadings()
    {
        Assert.True(SenmlFrameDecoder.TryDecode(Example, Device, out var readings, out var reason), reason);

        // FRAME.md: bt 1764028800 s (2025-11-25T00:00:00Z); the second record is 3600 s later with fl = 1.
        Assert.Equal(
            [
                new FrameReading("volume", "l", 17, 1_764_028_800_000, 1234, 0, ClockQuality.Ntp, 0),
                new FrameReading("volume", "l", 18, 1_764_032_400_000, 1240, 0, ClockQuality.Ntp, 1),
            ],
            readings);
    }

    [Fact]
    public void TryDecode_UnitOverridesBaseUnitAndTimeDefaultsToZero_UsesRecordUnitAndBaseTime()
    {
        // {-2: urn, -3: 1764028800, -4: "l", 0: "volume", 1: "m3", 2: 1234, "seq": 17, "cq": "gnss"}; no t
        var frame = "81 " + Map(Bn, Bt, Bu, N, "01 62 6D33", V1234, Seq17, "62 6371 64 676E7373");
        Assert.True(SenmlFrameDecoder.TryDecode(Hex.Bytes(frame), Device, out var readings, out var reason), reason);
        Assert.Equal(new FrameReading("volume", "m3", 17, 1_764_028_800_000, 1234, 0, ClockQuality.Gnss, 0), Assert.Single(readings));
    }

    [Fact]
    public void TryDecode_UnknownTextLabelWithoutUnderscore_IsIgnored()
    {
        // RFC 8428 §4.4: a label not ending in '_' that the reader does not know may be ignored. "zz": 5
        var frame = "81 " + Map(Bn, Bt, N, V1234, T0, Seq17, CqNtp, "62 7A7A 05");
        Assert.True(SenmlFrameDecoder.TryDecode(Hex.Bytes(frame), Device, out var readings, out var reason), reason);
        Assert.Equal(17, Assert.Single(readings).Seq);
    }

    [Theory]
    [InlineData("02 FB 3FB999999999999A", 1, 1)]            // float64 0.1
    [InlineData("02 FB 40934A449BA5E354", 1234567, 3)]      // float64 1234.567
    [InlineData("02 FB 3EE4F8B588E368F1", 1, 5)]            // float64 1e-05
    [InlineData("02 FB 4059000000000000", 100, 0)]          // float64 100.0
    [InlineData("02 FB C004000000000000", -25, 1)]          // float64 -2.5
    [InlineData("02 FA 3DCCCCCD", 1, 1)]                    // float32 0.1 (shortest at its own precision)
    [InlineData("02 F9 3E00", 15, 1)]                       // float16 1.5
    [InlineData("02 3903E7", -1000, 0)]                     // integer -1000 (major 1, argument 999)
    [InlineData("02 1B 7FFFFFFFFFFFFFFF", long.MaxValue, 0)] // largest integer
    public void TryDecode_NumericValue_ConvertsToExactMantissaAndScale(string value, long mantissa, int scale)
    {
        var frame = "81 " + Map(Bn, Bt, N, value, T0, Seq17, CqNtp);
        Assert.True(SenmlFrameDecoder.TryDecode(Hex.Bytes(frame), Device, out var readings, out var reason), reason);
        var reading = Assert.Single(readings);
        Assert.Equal((mantissa, scale), (reading.Mantissa, reading.Scale));
    }

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "top-level map", "A1 00 00", "not a CBOR array" },
        { "empty array", "80", "no records" },
        { "array of a number", "81 01", "not a map" },
        { "empty payload", "", "empty" },
        { "truncated", "81 A7 21", "malformed CBOR" },
        { "indefinite array", "9F " + Map(Bn, Bt, N, V1234, T0, Seq17, CqNtp) + " FF", "indefinite" },
        { "no bn", "81 " + Map(Bt, N, V1234, T0, Seq17, CqNtp), "no bn" },
        { "no bt", "81 " + Map(Bn, N, V1234, T0, Seq17, CqNtp), "no bt" },
        { "bn of another device", "81 " + Map("21 76 75726E3A6465763A6F70733A706D2D3030303030323A", Bt, N, V1234, T0, Seq17, CqNtp), "does not match" },
        { "bt as float", "81 " + Map(Bn, "22 FB 41DA493C60000000", N, V1234, T0, Seq17, CqNtp), "bt is not an integer" },
        { "no n", "81 " + Map(Bn, Bt, V1234, T0, Seq17, CqNtp), "no n" },
        { "no v", "81 " + Map(Bn, Bt, N, T0, Seq17, CqNtp), "no v" },
        { "v as text", "81 " + Map(Bn, Bt, N, "02 63 313233", T0, Seq17, CqNtp), "not a number" },
        { "v NaN", "81 " + Map(Bn, Bt, N, "02 F9 7E00", T0, Seq17, CqNtp), "NaN" },
        { "v infinite", "81 " + Map(Bn, Bt, N, "02 F9 7C00", T0, Seq17, CqNtp), "infinite" },
        { "v too large", "81 " + Map(Bn, Bt, N, "02 FB 442043561A882930", T0, Seq17, CqNtp), "64-bit" },
        { "no seq", "81 " + Map(Bn, Bt, N, V1234, T0, CqNtp), "no seq" },
        { "negative seq", "81 " + Map(Bn, Bt, N, V1234, T0, "63 736571 20", CqNtp), "not an unsigned integer" },
        { "no cq", "81 " + Map(Bn, Bt, N, V1234, T0, Seq17), "no cq" },
        { "unknown cq", "81 " + Map(Bn, Bt, N, V1234, T0, Seq17, "62 6371 63 78797A"), "not a known clock quality" },
        { "duplicate seq", "82 " + Map(Bn, Bt, N, V1234, T0, Seq17, CqNtp) + Map(N, V1234, "06 01", Seq17, CqNtp), "appears twice" },
        { "trailing bytes", "81 " + Map(Bn, Bt, N, V1234, T0, Seq17, CqNtp) + " 00", "trailing" },
        { "must-understand label", "81 " + Map(Bn, Bt, N, V1234, T0, Seq17, CqNtp, "62 785F 01"), "must-understand" },
        { "bn in a later record", "82 " + Map(Bn, Bt, N, V1234, T0, Seq17, CqNtp) + Map(Bn, N, V1234, "06 01", "63 736571 12", CqNtp), "only allowed in the first record" },
        { "duplicate map key", "81 " + Map(Bn, Bt, N, V1234, V1234, Seq17, CqNtp), "malformed CBOR" },
        { "unsupported SenML label (bv)", "81 " + Map(Bn, Bt, N, V1234, T0, Seq17, CqNtp, "24 01"), "not supported" },
        { "name with a space", "81 " + Map(Bn, Bt, "00 63 612062", V1234, T0, Seq17, CqNtp), "character" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void TryDecode_MalformedFrame_IsRejectedWithReason(string why, string hex, string expectedReason)
    {
        Assert.False(SenmlFrameDecoder.TryDecode(Hex.Bytes(hex), Device, out var readings, out var reason), why);
        Assert.Null(readings);
        Assert.Contains(expectedReason, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_ValidSingleRecordTemplate_IsAccepted()
    {
        // Guards the malformed cases above: each differs from this accepted frame in one field only.
        var frame = "81 " + Map(Bn, Bt, N, V1234, T0, Seq17, CqNtp);
        Assert.True(SenmlFrameDecoder.TryDecode(Hex.Bytes(frame), Device, out var readings, out var reason), reason);
        Assert.Equal(new FrameReading("volume", "", 17, 1_764_028_800_000, 1234, 0, ClockQuality.Ntp, 0), Assert.Single(readings));
    }
}
