namespace Edge.Gateway.Tests.Support;

/// <summary>
/// Device frames written by hand in hex from the CBOR rules of RFC 8949 §3 (major type in the top three
/// bits, argument in the low five: 0x00-0x17 direct, 0x18 one byte, 0x19 two, 0x1A four), independent of
/// any encoder. Labels per RFC 8428 §6 and firmware/FRAME.md.
/// </summary>
internal static class Frames
{
    public const string Device = "pm-000001";

    /// <summary>"urn:dev:ops:pm-000001:" as a text string: 0x76 = major 3, length 22.</summary>
    public const string Urn = "76 75726E3A6465763A6F70733A706D2D3030303030313A";

    public const string Bn = "21 " + Urn;              // -2 (major 1, argument 1)
    public const string Bt = "22 1A 6924F180";         // -3: 1764028800 = 0x6924F180
    public const string Bu = "23 61 6C";               // -4: "l"
    public const string N = "00 66 766F6C756D65";      // 0: "volume"
    public const string V1234 = "02 19 04D2";          // 2: 1234
    public const string T0 = "06 00";                  // 6: 0
    public const string Seq17 = "63 736571 11";        // "seq": 17
    public const string CqNtp = "62 6371 63 6E7470";   // "cq": "ntp"

    /// <summary>
    /// The example of firmware/FRAME.md:
    /// [ {-2: "urn:dev:ops:pm-000001:", -3: 1764028800, -4: "l", 0: "volume", 2: 1234, 6: 0, "seq": 17, "cq": "ntp"},
    ///   {0: "volume", 2: 1240, 6: 3600, "seq": 18, "cq": "ntp", "fl": 1} ]
    /// </summary>
    public const string ExampleHex =
        "82" +
        "A8 " + Bn + Bt + Bu + N + V1234 + T0 + Seq17 + CqNtp +
        "A6 " + N + "02 19 04D8" + "06 19 0E10" + "63 736571 12" + CqNtp + "62 666C 01";

    public static byte[] Example => Hex.Bytes(ExampleHex);

    /// <summary>A one-record frame of <see cref="Device"/>: volume = <paramref name="litres"/> l (0..65535) with seq 24..255.</summary>
    public static byte[] Single(int seq, int litres, int offsetSeconds = 0) => Hex.Bytes(
        "81 A7 " + Bn + Bt + Bu + N + $"02 19 {litres:X4}" + $"06 19 {offsetSeconds:X4}" + $"63 736571 18 {seq:X2}" + CqNtp);

    /// <summary>A map header for <paramref name="fields"/> pairs (major 5) followed by them.</summary>
    public static string Map(params string[] fields) => $"{0xA0 + fields.Length:X2} " + string.Join(" ", fields);
}
