using System.Buffers.Binary;
using System.Buffers.Text;

namespace Edge.Ingest.Apis;

/// <summary>
/// The paging cursor of <c>GET /v1/meters/{id}/readings</c>: the last reading's observed time and seq, 16 bytes
/// big-endian in base64url. Opaque to clients; stable because (observed time, seq) orders a meter's readings totally.
/// </summary>
public static class ReadingCursor
{
    /// <summary>The cursor after the reading observed at <paramref name="observedMs"/> with <paramref name="seq"/>.</summary>
    public static string Format(long observedMs, long seq)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteInt64BigEndian(bytes, observedMs);
        BinaryPrimitives.WriteInt64BigEndian(bytes[8..], seq);
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The position a cursor names; null when the text is not one.</summary>
    public static (long ObservedMs, long Seq)? TryParse(string text)
    {
        Span<byte> bytes = stackalloc byte[18];
        if (text.Length != 22 || !Base64Url.TryDecodeFromChars(text, bytes, out var written) || written != 16)
        {
            return null;
        }

        return (BinaryPrimitives.ReadInt64BigEndian(bytes), BinaryPrimitives.ReadInt64BigEndian(bytes[8..]));
    }
}
