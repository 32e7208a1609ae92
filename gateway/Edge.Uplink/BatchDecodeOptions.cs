namespace Edge.Uplink;

/// <summary>Options and limits for <see cref="BatchCodec.Decode"/>.</summary>
public sealed class BatchDecodeOptions
{
    /// <summary>Dictionaries the decoder knows, by id.</summary>
    public IReadOnlyList<BatchDictionary> Dictionaries { get; init; } = [];

    /// <summary>Largest decompressed body accepted (protects against zip bombs).</summary>
    public int MaxBodyBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Largest number of readings accepted in one batch.</summary>
    public int MaxReadings { get; init; } = 1_000_000;
}
