using Edge.Firmware.Frames;
using static Edge.Firmware.Tests.Frames.FrameHex;

namespace Edge.Firmware.Tests.Frames;

/// <summary>
/// Frames the shared reader refuses: the cases of the former gateway suite (each a one-field change of
/// the accepted template in <see cref="SenmlFrameReaderTests"/>), then the rules one old decoder had and
/// the other lacked, now both.
/// </summary>
public sealed class SenmlFrameReaderRejectionTests
{
    public static TheoryData<string, string, string> GatewayCases => new()
    {
        { "top-level map", "A1 00 00", "not a CBOR array (the frame starts with a map)" },
        { "empty array", "80", "the frame has no records" },
        { "array of a number", "81 01", "record 1: not a CBOR map (found an unsigned integer)" },
        { "empty payload", string.Empty, "empty frame: there are no bytes to decode" },
        { "truncated", "81 A7 21", "record 1: frame is truncated (3 bytes; an item runs past the end)" },
        { "indefinite array", "9F " + MapOf(Bn, Bt, N, V1234, T0, Seq17, CqNtp) + " FF", "indefinite-length item at byte 1; FRAME.md requires definite lengths" },
        { "no bn", "81 " + MapOf(Bt, N, V1234, T0, Seq17, CqNtp), "record 1: missing bn (base name) in the first record" },
        { "no bt", "81 " + MapOf(Bn, N, V1234, T0, Seq17, CqNtp), "record 1: missing bt (base time) in the first record" },
        { "bt as float", "81 " + MapOf(Bn, "22 FB 41DA493C60000000", N, V1234, T0, Seq17, CqNtp), "record 1: bt must be an integer (found a float)" },
        { "no n", "81 " + MapOf(Bn, Bt, V1234, T0, Seq17, CqNtp), "record 1: missing n (name)" },
        { "no v", "81 " + MapOf(Bn, Bt, N, T0, Seq17, CqNtp), "record 1: missing v (value)" },
        { "v as text", "81 " + MapOf(Bn, Bt, N, "02 63 313233", T0, Seq17, CqNtp), "record 1: v must be a number (found a text string)" },
        { "v NaN", "81 " + MapOf(Bn, Bt, N, "02 F9 7E00", T0, Seq17, CqNtp), "record 1: v must be a finite number (got NaN)" },
        { "v infinite", "81 " + MapOf(Bn, Bt, N, "02 F9 7C00", T0, Seq17, CqNtp), "record 1: v must be a finite number (got Infinity)" },
        { "v too large", "81 " + MapOf(Bn, Bt, N, "02 FB 442043561A882930", T0, Seq17, CqNtp), "record 1: v 1.5E+20 is not representable with a 64-bit mantissa and at most 18 decimals" },
        { "no seq", "81 " + MapOf(Bn, Bt, N, V1234, T0, CqNtp), "record 1: missing seq" },
        { "negative seq", "81 " + MapOf(Bn, Bt, N, V1234, T0, "63 736571 20", CqNtp), "record 1: seq must be an unsigned integer (got -1)" },
        { "no cq", "81 " + MapOf(Bn, Bt, N, V1234, T0, Seq17), "record 1: missing cq" },
        { "unknown cq", "81 " + MapOf(Bn, Bt, N, V1234, T0, Seq17, "62 6371 63 78797A"), "record 1: unknown cq \"xyz\" (expected gnss, ntp, gateway or rtc-unsynced)" },
        { "duplicate seq", "82 " + MapOf(Bn, Bt, N, V1234, T0, Seq17, CqNtp) + MapOf(N, V1234, "06 01", Seq17, CqNtp), "record 2: duplicate seq 17 (also in record 1)" },
        { "trailing bytes", "81 " + MapOf(Bn, Bt, N, V1234, T0, Seq17, CqNtp) + " 00", "trailing bytes after frame (1 byte after the end of the array)" },
        { "must-understand label", "81 " + MapOf(Bn, Bt, N, V1234, T0, Seq17, CqNtp, "62 785F 01"), "record 1: label \"x_\" ends in '_', so it must be understood (RFC 8428 §4.4), and FRAME.md does not define it" },
        { "bn in a later record", "82 " + MapOf(Bn, Bt, N, V1234, T0, Seq17, CqNtp) + MapOf(Bn, N, V1234, "06 01", "63 736571 12", CqNtp), "record 2: bn is only allowed in the first record (FRAME.md)" },
        { "duplicate map key", "81 " + MapOf(Bn, Bt, N, V1234, V1234, Seq17, CqNtp), "record 1: duplicate label v (2)" },
        { "unsupported SenML label (bv)", "81 " + MapOf(Bn, Bt, N, V1234, T0, Seq17, CqNtp, "24 01"), "record 1: bv (-5) is not part of FRAME.md and would change every value" },
        { "name with a space", "81 " + MapOf(Bn, Bt, "00 63 612062", V1234, T0, Seq17, CqNtp), "record 1: n \"a b\" has a character SenML names do not allow (RFC 8428 §4.5.1: A-Z a-z 0-9 - : . / _)" },
    };

    public static TheoryData<string, string, string> UnionCases => new()
    {
        // From the gateway, now also in edge-field: limits a batch can carry, SenML fields FRAME.md does not use.
        { "seq above 2^63-1", "81 " + MapOf(Bn, Bt, N, V1234, T0, "63736571 1b ffffffffffffffff", CqNtp), "record 1: seq must be at most 9223372036854775807 (got 18446744073709551615)" },
        { "fl above 2^31-1", "81 " + MapOf(Bn, Bt, N, V1234, T0, Seq17, CqNtp, "62666c 1a 80000000"), "record 1: fl must be at most 2147483647 (got 2147483648)" },
        { "n of 257 bytes", "81 " + MapOf(Bn, Bt, "00 " + LongText(257), V1234, T0, Seq17, CqNtp), "record 1: n is longer than 256 bytes" },
        { "u of 257 bytes", "81 " + MapOf(Bn, Bt, N, "01 " + LongText(257), V1234, T0, Seq17, CqNtp), "record 1: u is longer than 256 bytes" },
        { "bu of 257 bytes", "81 " + MapOf(Bn, Bt, "23 " + LongText(257), N, V1234, T0, Seq17, CqNtp), "record 1: bu is longer than 256 bytes" },
        { "device id of 257 bytes", "81 " + MapOf("21 79 010e 75726e3a6465763a6f70733a " + string.Concat(Enumerable.Repeat("61", 257)) + " 3a", Bt, N, V1234, T0, Seq17, CqNtp), "record 1: the device id in bn is longer than 256 bytes" },
        { "v needs 19 decimals", "81 " + MapOf(Bn, Bt, N, "02 FB 3BFD83C94FB6D2AC", T0, Seq17, CqNtp), "record 1: v 1E-19 is not representable with a 64-bit mantissa and at most 18 decimals" },
        { "bt after year 9999", "81 " + MapOf(Bn, "22 1b 0000003afff44180", N, V1234, T0, Seq17, CqNtp), "record 1: time bt + t = 253402300800 s is outside years 0001-9999" },
        { "bt before year 0001", "81 " + MapOf(Bn, "22 3b 0000000e7791f700", N, V1234, T0, Seq17, CqNtp), "record 1: time bt + t = -62135596801 s is outside years 0001-9999" },
        { "t past year 9999", "81 " + MapOf(Bn, "22 1b 0000003afff4417f", N, V1234, "06 01", Seq17, CqNtp), "record 1: time bt + t = 253402300800 s is outside years 0001-9999" },
        { "s (sum), once ignored by edge-field", "81 " + MapOf(Bn, Bt, N, V1234, T0, Seq17, CqNtp, "05 07"), "record 1: s (5) is not part of FRAME.md" },
        { "vs (string value)", "81 " + MapOf(Bn, Bt, N, V1234, T0, Seq17, CqNtp, "03 61 78"), "record 1: vs (3) is not part of FRAME.md" },
        { "bver", "81 " + MapOf(Bn, Bt, N, V1234, T0, Seq17, CqNtp, "20 0a"), "record 1: bver (-1) is not part of FRAME.md" },
        { "unregistered integer label", "81 " + MapOf(Bn, Bt, N, V1234, T0, Seq17, CqNtp, "09 01"), "record 1: label 9 is not part of FRAME.md" },
        { "bs (base sum)", "81 " + MapOf(Bn, Bt, N, V1234, T0, Seq17, CqNtp, "25 01"), "record 1: bs (-6) is not part of FRAME.md and would change every value" },

        // From edge-field, now also at the gateway: definite lengths everywhere, bn shape, precise duplicates.
        { "indefinite length in an ignored extension", "81 " + MapOf(Bn, Bt, N, V1234, T0, Seq17, CqNtp, "62 7878 5f 41 00 ff"), "record 1: indefinite-length item at byte 62; FRAME.md requires definite lengths" },
        { "repeated key in another encoding", "81 " + MapOf(Bn, Bt, N, V1234, T0, Seq17, CqNtp, "18 00 61 78"), "record 1: duplicate label n (0)" },
        { "bn without the urn", "81 " + MapOf("21 69 706d2d303030303031", Bt, N, V1234, T0, Seq17, CqNtp), "record 1: bn must be urn:dev:ops:{deviceId}: (got \"pm-000001\")" },
        { "bn with an empty device id", "81 " + MapOf("21 6d 75726e3a6465763a6f70733a3a", Bt, N, V1234, T0, Seq17, CqNtp), "record 1: bn must be urn:dev:ops:{deviceId}: (got \"urn:dev:ops::\")" },
        { "bn with a colon in the device id", "81 " + MapOf("21 70 75726e3a6465763a6f70733a613a623a", Bt, N, V1234, T0, Seq17, CqNtp), "record 1: bn must be urn:dev:ops:{deviceId}: (got \"urn:dev:ops:a:b:\")" },
        { "text not valid UTF-8", "81 " + MapOf(Bn, Bt, N, V1234, T0, Seq17, CqNtp, "01 62 c328"), "record 1: u is not valid UTF-8 text" },
        { "name with a control character", "81 " + MapOf(Bn, Bt, "00 62 611b", V1234, T0, Seq17, CqNtp), "record 1: n \"a\\u001b\" has a character SenML names do not allow (RFC 8428 §4.5.1: A-Z a-z 0-9 - : . / _)" },
    };

    [Theory]
    [MemberData(nameof(GatewayCases))]
    [MemberData(nameof(UnionCases))]
    public void Read_RejectedFrame_GivesExactReason(string why, string hex, string expected)
    {
        var ex = Assert.Throws<FrameFormatException>(() => SenmlFrameReader.Read(Bytes(hex)));

        Assert.True(expected == ex.Message, $"{why}: expected \"{expected}\", got \"{ex.Message}\"");
    }

    [Theory]
    [MemberData(nameof(GatewayCases))]
    public void TryRead_RejectedFrame_FalseWithReasonAndNoFrame(string why, string hex, string expected)
    {
        Assert.False(SenmlFrameReader.TryRead(Bytes(hex), out var frame, out var error), why);

        Assert.Null(frame);
        Assert.Equal(expected, error);
    }
}
