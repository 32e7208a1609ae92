using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Edge.Ingest.Apis;

/// <summary>
/// The ids the alarm and welfare services give out (32 lowercase hex digits of a SHA-256) and the paging cursor of their
/// lists: a time in Unix ms and such an id, <c>ms.id</c> in base64url. Opaque to clients.
/// </summary>
public static class TimeIdCursor
{
    /// <summary>Whether <paramref name="id"/> is 32 lowercase hexadecimal digits.</summary>
    public static bool IsId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id.Length == 32 && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
    }

    /// <summary>The cursor after the item at <paramref name="atMs"/> with <paramref name="id"/>.</summary>
    public static string Format(long atMs, string id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{atMs}.{id}")));

    /// <summary>The position a cursor names; null when the text is not one this service gave out.</summary>
    public static (long AtMs, string Id)? TryParse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
        }
        catch (FormatException)
        {
            return null;
        }

        var dot = decoded.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && long.TryParse(decoded.AsSpan(0, dot), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms)
            && IsId(decoded[(dot + 1)..])
            ? (ms, decoded[(dot + 1)..])
            : null;
    }
}
