namespace Edge.Gateway.Southbound;

/// <summary>
/// The payload on <c>edge/v1/{deviceId}/config</c> (firmware/FRAME.md "Device configuration"): one CBOR map (RFC 8949)
/// with unsigned integer keys, in this order — 1: configuration version (the desired document's, 0 for the
/// gateway's own), 2: sampling interval in seconds, 3: reporting interval in seconds, 4: disaster mode (true/false).
/// Written in preferred (shortest) serialisation, RFC 8949 §4.2.1.
/// </summary>
public static class DeviceConfigPayload
{
    /// <summary>Key of the configuration version.</summary>
    public const int VersionKey = 1;

    /// <summary>Key of the sampling interval.</summary>
    public const int SamplingKey = 2;

    /// <summary>Key of the reporting interval.</summary>
    public const int ReportingKey = 3;

    /// <summary>Key of the disaster flag.</summary>
    public const int DisasterKey = 4;

    /// <summary>The payload.</summary>
    public static byte[] Encode(long version, int samplingSeconds, int reportingSeconds, bool disaster)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        ArgumentOutOfRangeException.ThrowIfNegative(samplingSeconds);
        ArgumentOutOfRangeException.ThrowIfNegative(reportingSeconds);
        var buffer = new List<byte>(24) { 0xA4 }; // map of 4 pairs (major type 5)
        Unsigned(buffer, VersionKey);
        Unsigned(buffer, (ulong)version);
        Unsigned(buffer, SamplingKey);
        Unsigned(buffer, (ulong)samplingSeconds);
        Unsigned(buffer, ReportingKey);
        Unsigned(buffer, (ulong)reportingSeconds);
        Unsigned(buffer, DisasterKey);
        buffer.Add(disaster ? (byte)0xF5 : (byte)0xF4); // simple values 21 (true) / 20 (false), RFC 8949 §3.3
        return [.. buffer];
    }

    // Major type 0 with the argument in the shortest form (RFC 8949 §3).
    private static void Unsigned(List<byte> buffer, ulong value)
    {
        var (head, bytes) = value switch
        {
            < 24 => ((byte)value, 0),
            <= byte.MaxValue => ((byte)24, 1),
            <= ushort.MaxValue => ((byte)25, 2),
            <= uint.MaxValue => ((byte)26, 4),
            _ => ((byte)27, 8),
        };
        buffer.Add(head);
        for (var i = bytes - 1; i >= 0; i--)
        {
            buffer.Add((byte)(value >> (8 * i)));
        }
    }
}
