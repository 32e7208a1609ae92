namespace Edge.Uplink.Binary;

/// <summary>
/// ZigZag mapping of signed to unsigned integers (0→0, −1→1, 1→2, −2→3, ...), as in Protocol Buffers'
/// <c>sint64</c>, so small magnitudes of either sign become short varints.
/// </summary>
internal static class ZigZag
{
    public static ulong Encode(long value) => unchecked((ulong)((value << 1) ^ (value >> 63)));

    public static long Decode(ulong value) => unchecked((long)(value >> 1) ^ -(long)(value & 1));
}
