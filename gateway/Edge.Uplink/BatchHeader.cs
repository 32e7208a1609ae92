namespace Edge.Uplink;

/// <summary>The uncompressed header of an encoded batch.</summary>
/// <param name="Version">Format version (1).</param>
/// <param name="GatewayId">Gateway that built the batch.</param>
/// <param name="Sequence">Batch sequence of that gateway; (gateway id, sequence) is the batch id.</param>
/// <param name="CreatedUnixMs">When the batch was built, Unix milliseconds UTC.</param>
public sealed record BatchHeader(int Version, string GatewayId, long Sequence, long CreatedUnixMs)
{
    /// <summary>The body is zstd-compressed.</summary>
    public bool IsCompressed { get; init; }

    /// <summary>The channel runs carry device-time columns (flags bit 2): some readings' times were corrected by the gateway.</summary>
    public bool HasDeviceTimes { get; init; }

    /// <summary>Id of the zstd dictionary the body was compressed with, or null for none.</summary>
    public uint? DictionaryId { get; init; }

    /// <summary>Length of the uncompressed body in bytes.</summary>
    public int BodyLength { get; init; }

    /// <summary>Length of the body as stored (compressed or not) in bytes.</summary>
    public int StoredBodyLength { get; init; }

    /// <summary>Length of the whole encoded batch: header, CRC and stored body.</summary>
    public long EncodedLength { get; init; }
}
