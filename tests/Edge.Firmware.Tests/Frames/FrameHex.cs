using System.Globalization;

namespace Edge.Firmware.Tests.Frames;

/// <summary>
/// Frame pieces written by hand from RFC 8949 §3 (major type in the top 3 bits of the initial byte,
/// argument in the low 5 bits or the following 1/2/4/8 bytes) and the labels of firmware/FRAME.md,
/// independent of any encoder. Spaces in hex are for readability only.
/// </summary>
internal static class FrameHex
{
    /// <summary>The device of the FRAME.md example.</summary>
    public const string Device = "pm-000001";

    /// <summary>
    /// The two-record example of firmware/FRAME.md without its optional clock fields (boot, now, nq), byte for
    /// byte (the full example is annotated in FrameMdExampleTests).
    /// </summary>
    public const string Example =
        "82a82176" + "75726e3a6465763a6f70733a706d2d3030303030313a" + "221a6924f180" + "23616c" + "0066766f6c756d65"
        + "021904d2" + "0600" + "63736571" + "11" + "626371" + "636e7470"
        + "a6" + "0066766f6c756d65" + "021904d8" + "06190e10" + "63736571" + "12" + "626371" + "636e7470" + "62666c" + "01";

    /// <summary>-2 (0x21): text(22) "urn:dev:ops:pm-000001:".</summary>
    public const string Bn = "21" + "76" + "75726e3a6465763a6f70733a706d2d3030303030313a";

    /// <summary>-3 (0x22): uint32 1764028800 (0x6924f180), 2025-11-25T00:00:00Z.</summary>
    public const string Bt = "22" + "1a6924f180";

    /// <summary>-4 (0x23): text(1) "l".</summary>
    public const string Bu = "23" + "616c";

    /// <summary>0: text(6) "volume".</summary>
    public const string N = "00" + "66766f6c756d65";

    /// <summary>2: uint16 1234.</summary>
    public const string V1234 = "02" + "1904d2";

    /// <summary>2: uint16 1240.</summary>
    public const string V1240 = "02" + "1904d8";

    /// <summary>6: 0.</summary>
    public const string T0 = "06" + "00";

    /// <summary>6: uint16 3600.</summary>
    public const string T3600 = "06" + "190e10";

    /// <summary>"seq": 17.</summary>
    public const string Seq17 = "63736571" + "11";

    /// <summary>"seq": 18.</summary>
    public const string Seq18 = "63736571" + "12";

    /// <summary>"cq": "ntp".</summary>
    public const string CqNtp = "626371" + "636e7470";

    /// <summary>"fl": 1.</summary>
    public const string Fl1 = "62666c" + "01";

    /// <summary>The first record of the example without its map head (8 pairs).</summary>
    public const string FirstPairs = Bn + Bt + Bu + N + V1234 + T0 + Seq17 + CqNtp;

    /// <summary>Bytes from hex, spaces allowed.</summary>
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    /// <summary>A map head for up to 23 pairs (major type 5).</summary>
    public static string Map(int pairs) => (0xa0 + pairs).ToString("x2", CultureInfo.InvariantCulture);

    /// <summary>An array head for up to 23 items (major type 4).</summary>
    public static string Array(int items) => (0x80 + items).ToString("x2", CultureInfo.InvariantCulture);

    /// <summary>A frame of records, each given as (pairs, hex of the pairs).</summary>
    public static string Frame(params (int Pairs, string Hex)[] records) =>
        Array(records.Length) + string.Concat(records.Select(r => Map(r.Pairs) + r.Hex));

    /// <summary>One record: a map head for as many pairs as <paramref name="fields"/> (each one label and its value), then them.</summary>
    public static string MapOf(params string[] fields) => Map(fields.Length) + " " + string.Join(" ", fields);

    /// <summary>Text of <paramref name="length"/> ASCII 'a' characters as CBOR (major type 3, two-byte length).</summary>
    public static string LongText(int length) =>
        "79" + length.ToString("x4", CultureInfo.InvariantCulture) + string.Concat(Enumerable.Repeat("61", length));
}
