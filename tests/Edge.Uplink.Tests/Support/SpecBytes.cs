using System.IO.Hashing;

namespace Edge.Uplink.Tests.Support;

/// <summary>
/// Builds encoded batches straight from BATCH-FORMAT.md, independently of the encoder, so tests can
/// hand-craft valid and defective input.
/// </summary>
internal static class SpecBytes
{
    /// <summary>"EDGB".</summary>
    public static readonly byte[] Magic = [0x45, 0x44, 0x47, 0x42];

    /// <summary>Unsigned LEB128.</summary>
    public static byte[] UVarint(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            var group = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value == 0 ? group : (byte)(group | 0x80));
        }
        while (value != 0);
        return [.. bytes];
    }

    /// <summary>ZigZag (protobuf sint64) then LEB128.</summary>
    public static byte[] SVarint(long value) => UVarint(value >= 0 ? (ulong)value * 2 : ((ulong)(-(value + 1)) * 2) + 1);

    public static byte[] Str(string text)
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes(text);
        return [.. UVarint((ulong)utf8.Length), .. utf8];
    }

    /// <summary>Header fields up to and including the stored length (the part the CRC covers).</summary>
    public static byte[] HeaderPrefix(
        int bodyLength, int storedLength, byte flags = 0x00, string gatewayId = "gw1", ulong sequence = 5,
        long createdUnixMs = 1000, uint? dictionaryId = null, byte version = 1)
    {
        var dict = dictionaryId is { } id ? BitConverter.GetBytes(id) : [];
        return [.. Magic, version, flags, .. Str(gatewayId), .. UVarint(sequence), .. SVarint(createdUnixMs), .. dict,
            .. UVarint((ulong)bodyLength), .. UVarint((ulong)storedLength)];
    }

    /// <summary>CRC-32 (IEEE, System.IO.Hashing) of the header prefix followed by the uncompressed body, little-endian.</summary>
    public static byte[] Crc(byte[] prefix, byte[] body)
    {
        var crc = new Crc32();
        crc.Append(prefix);
        crc.Append(body);
        return crc.GetCurrentHash();
    }

    /// <summary>A complete uncompressed batch around <paramref name="body"/>, with a correct CRC.</summary>
    public static byte[] Uncompressed(byte[] body, string gatewayId = "gw1")
    {
        var prefix = HeaderPrefix(body.Length, body.Length, gatewayId: gatewayId);
        return [.. prefix, .. Crc(prefix, body), .. body];
    }

    /// <summary>A complete compressed batch: <paramref name="stored"/> as the zstd body, CRC over <paramref name="body"/>.</summary>
    public static byte[] Compressed(byte[] body, byte[] stored, int declaredBodyLength, uint? dictionaryId = null)
    {
        var flags = (byte)(dictionaryId is null ? 0x01 : 0x03);
        var prefix = HeaderPrefix(declaredBodyLength, stored.Length, flags, dictionaryId: dictionaryId);
        return [.. prefix, .. Crc(prefix, body), .. stored];
    }

    /// <summary>
    /// A body with one device 'd1' and one channel 'volume' (unit 'l', scale 0) whose point count and
    /// columns are <paramref name="countAndColumns"/>, and no events or gaps unless <paramref name="tail"/> says.
    /// </summary>
    public static byte[] OneChannelBody(byte[] countAndColumns, byte[]? tail = null) =>
        [0x01, .. Str("d1"), 0x01, .. Str("volume"), .. Str("l"), 0x00, .. countAndColumns, .. tail ?? [0x00, 0x00]];

    /// <summary>Splits an uncompressed encoded batch (gateway "gw1" style header) into prefix, CRC and body.</summary>
    public static (byte[] Prefix, byte[] Body) SplitUncompressed(byte[] encoded)
    {
        var header = BatchCodec.ReadHeader(encoded);
        var bodyStart = encoded.Length - header.StoredBodyLength;
        return (encoded[..(bodyStart - 4)], encoded[bodyStart..]);
    }
}
