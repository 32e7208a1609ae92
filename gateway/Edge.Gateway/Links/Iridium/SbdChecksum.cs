namespace Edge.Gateway.Links.Iridium;

/// <summary>
/// The SBD message checksum: the least significant 16 bits of the sum of all message bytes, sent high byte first
/// (ISU AT Command Reference §8.12 +SBDWB and §8.13 +SBDRB; "hello" → 02 14).
/// </summary>
public static class SbdChecksum
{
    /// <summary>The checksum of <paramref name="message"/>.</summary>
    public static ushort Compute(ReadOnlySpan<byte> message)
    {
        var sum = 0u;
        foreach (var b in message)
        {
            sum += b;
        }

        return (ushort)sum;
    }

    /// <summary>Writes <paramref name="checksum"/> big-endian into the first two bytes of <paramref name="destination"/>.</summary>
    public static void Write(ushort checksum, Span<byte> destination)
    {
        destination[0] = (byte)(checksum >> 8);
        destination[1] = (byte)checksum;
    }
}
