using System.IO.Hashing;
using Edge.Uplink.Binary;

namespace Edge.Uplink;

/// <summary>Binary batch format v1 (see BATCH-FORMAT.md): encode and decode.</summary>
public static class BatchCodec
{
    /// <summary>HTTP content type of an encoded batch.</summary>
    public const string ContentType = "application/vnd.edge.batch.v1";

    /// <summary>Encodes a batch: header, columnar body, zstd.</summary>
    /// <exception cref="ArgumentException">The batch does not fit format v1 (see <see cref="BatchLimits"/>).</exception>
    public static byte[] Encode(Batch batch, BatchEncodeOptions? options = null)
    {
        options ??= new BatchEncodeOptions();
        BatchValidator.Validate(batch);
        var dictionary = options.Compress ? options.Dictionary : null;
        if (dictionary is { Id: 0 })
        {
            throw new ArgumentException("dictionary id 0 is reserved", nameof(options));
        }

        var deviceTimes = BodyEncoder.HasDeviceTimes(batch);
        var body = BodyEncoder.Encode(batch, deviceTimes);
        var stored = options.Compress ? ZstdBody.Compress(body, options.CompressionLevel, dictionary) : body;

        var writer = new ByteWriter(stored.Length + 64);
        Envelope.WritePrefix(writer, batch, dictionary?.Id, options.Compress, deviceTimes, body.Length, stored.Length);
        writer.WriteUInt32LittleEndian(Crc(writer.WrittenSpan, body));
        writer.WriteBytes(stored);
        return writer.ToArray();
    }

    /// <summary>Decodes a batch; throws <see cref="BatchFormatException"/> with a clear reason on any defect.</summary>
    public static Batch Decode(ReadOnlySpan<byte> data, BatchDecodeOptions? options = null)
    {
        options ??= new BatchDecodeOptions();
        var header = Envelope.Read(data, out var prefixLength, out var crc);
        if (header.BodyLength > options.MaxBodyBytes)
        {
            throw new BatchFormatException($"batch body of {header.BodyLength} bytes exceeds the limit of {options.MaxBodyBytes} bytes");
        }

        var bodyOffset = prefixLength + 4;
        var available = data.Length - bodyOffset;
        if (available < header.StoredBodyLength)
        {
            throw new BatchFormatException($"truncated batch body: {available} of {header.StoredBodyLength} bytes present");
        }

        if (available > header.StoredBodyLength)
        {
            throw new BatchFormatException($"{available - header.StoredBodyLength} trailing bytes after the batch body");
        }

        var stored = data[bodyOffset..];
        var body = header.IsCompressed
            ? ZstdBody.Decompress(stored, header.BodyLength, FindDictionary(header.DictionaryId, options))
            : stored;
        if (Crc(data[..prefixLength], body) != crc)
        {
            throw new BatchFormatException("batch CRC mismatch: the header or body is corrupt");
        }

        var (devices, events, gaps) = BodyDecoder.Decode(body, options.MaxReadings, header.HasDeviceTimes);
        return new Batch(header.GatewayId, header.Sequence, header.CreatedUnixMs, devices, events, gaps);
    }

    /// <summary>Reads only the uncompressed header (gateway id, sequence) without decompressing the body.</summary>
    /// <remarks>The CRC is not checked here: it covers the body, which <see cref="Decode"/> checks.</remarks>
    public static BatchHeader ReadHeader(ReadOnlySpan<byte> data) => Envelope.Read(data, out _, out _);

    private static BatchDictionary? FindDictionary(uint? id, BatchDecodeOptions options)
    {
        if (id is null)
        {
            return null;
        }

        foreach (var dictionary in options.Dictionaries)
        {
            if (dictionary.Id == id)
            {
                return dictionary;
            }
        }

        throw new BatchFormatException($"batch was compressed with dictionary {id}, which this decoder does not know");
    }

    private static uint Crc(ReadOnlySpan<byte> headerPrefix, ReadOnlySpan<byte> body)
    {
        var crc = new Crc32();
        crc.Append(headerPrefix);
        crc.Append(body);
        return crc.GetCurrentHashAsUInt32();
    }
}
