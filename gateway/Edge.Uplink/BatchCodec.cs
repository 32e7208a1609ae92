namespace Edge.Uplink;

/// <summary>Binary batch format v1 (see BATCH-FORMAT.md): encode and decode.</summary>
public static class BatchCodec
{
    /// <summary>HTTP content type of an encoded batch.</summary>
    public const string ContentType = "application/vnd.edge.batch.v1";

    /// <summary>Encodes a batch: header, columnar body, zstd.</summary>
    public static byte[] Encode(Batch batch, BatchEncodeOptions? options = null) => throw new NotImplementedException();

    /// <summary>Decodes a batch; throws <see cref="BatchFormatException"/> with a clear reason on any defect.</summary>
    public static Batch Decode(ReadOnlySpan<byte> data, BatchDecodeOptions? options = null) => throw new NotImplementedException();

    /// <summary>Reads only the uncompressed header (gateway id, sequence) without decompressing the body.</summary>
    public static BatchHeader ReadHeader(ReadOnlySpan<byte> data) => throw new NotImplementedException();
}
