namespace Edge.Uplink;

/// <summary>Options for <see cref="BatchCodec.Encode"/>.</summary>
public sealed class BatchEncodeOptions
{
    /// <summary>zstd level (1-22).</summary>
    public int CompressionLevel { get; init; } = 19;

    /// <summary>Optional trained zstd dictionary for small batches; the decoder must hold the same one.</summary>
    public BatchDictionary? Dictionary { get; init; }

    /// <summary>
    /// Compress the body with zstd (default). False stores it as is, e.g. for tests and debugging; a
    /// <see cref="Dictionary"/> is then ignored.
    /// </summary>
    public bool Compress { get; init; } = true;
}
