using ZstdSharp;

namespace Edge.Uplink.Binary;

/// <summary>zstd (RFC 8878) compression of a body, optionally with a dictionary.</summary>
internal static class ZstdBody
{
    public static byte[] Compress(ReadOnlySpan<byte> body, int level, BatchDictionary? dictionary)
    {
        using var compressor = new Compressor(level);
        if (dictionary is not null)
        {
            compressor.LoadDictionary(dictionary.Content);
        }

        return compressor.Wrap(body).ToArray();
    }

    /// <summary>Decompresses into exactly <paramref name="bodyLength"/> bytes or throws.</summary>
    public static byte[] Decompress(ReadOnlySpan<byte> stored, int bodyLength, BatchDictionary? dictionary)
    {
        var body = new byte[bodyLength];
        int written;
        try
        {
            using var decompressor = new Decompressor();
            if (dictionary is not null)
            {
                decompressor.LoadDictionary(dictionary.Content);
            }

            written = decompressor.Unwrap(stored, body);
        }
        catch (ZstdException ex)
        {
            throw new BatchFormatException(ex.Code == ZstdSharp.Unsafe.ZSTD_ErrorCode.ZSTD_error_dstSize_tooSmall
                ? $"batch body decompresses to more than the {bodyLength} bytes the header declares"
                : $"batch body is not a valid zstd frame: {ex.Message}", ex);
        }

        return written == bodyLength
            ? body
            : throw new BatchFormatException($"batch body decompresses to {written} bytes, header declares {bodyLength}");
    }
}
