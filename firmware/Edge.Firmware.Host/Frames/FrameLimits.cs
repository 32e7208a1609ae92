namespace Edge.Firmware.Frames;

/// <summary>
/// Limits a device frame must keep so that every reading fits a gateway batch. They equal the limits of
/// batch format v1 (Edge.Uplink.BatchLimits; a gateway test pins the equality), which this assembly
/// cannot reference.
/// </summary>
public static class FrameLimits
{
    /// <summary>Longest device id, channel (<c>n</c>) or unit (<c>u</c>, <c>bu</c>) in UTF-8 bytes.</summary>
    public const int MaxIdBytes = 256;

    /// <summary>Most decimals of a value: value = mantissa × 10^-scale with scale 0..18.</summary>
    public const int MaxScale = 18;

    /// <summary>Earliest observed time, 0001-01-01T00:00:00Z, in Unix seconds.</summary>
    public const long MinUnixSeconds = -62_135_596_800;

    /// <summary>Latest observed time, 9999-12-31T23:59:59Z, in Unix seconds.</summary>
    public const long MaxUnixSeconds = 253_402_300_799;

    /// <summary>Deepest CBOR nesting accepted: a frame needs 2 (array of maps), an ignored extension a few more.</summary>
    public const int MaxDepth = 16;
}
