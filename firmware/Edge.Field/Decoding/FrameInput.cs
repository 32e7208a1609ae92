using Edge.Firmware.Frames;

namespace Edge.Field.Decoding;

/// <summary>
/// Turns the <c>decode</c> argument into frame bytes: a hex string, <c>@file</c> (binary or hex text) or
/// <c>-</c> for standard input (binary or hex text). Bad input throws <see cref="FrameFormatException"/>.
/// </summary>
public static class FrameInput
{
    /// <summary>The largest frame read from a file or standard input (a frame is an MQTT payload).</summary>
    public const int MaxBytes = 1 << 20;

    /// <summary>Reads the frame named by <paramref name="source"/>; <paramref name="stdin"/> opens standard input.</summary>
    public static byte[] Read(string source, Func<Stream> stdin)
    {
        if (source == "-")
        {
            try
            {
                using var stream = stdin();
                return FromBytes(ReadAll(stream, "standard input"));
            }
            catch (IOException ex)
            {
                throw new FrameFormatException($"cannot read standard input: {ex.Message}", ex);
            }
        }

        if (source.StartsWith('@'))
        {
            var path = source[1..];
            try
            {
                using var stream = File.OpenRead(path);
                return FromBytes(ReadAll(stream, $"file '{path}'"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException
                                           or NotSupportedException)
            {
                throw new FrameFormatException($"cannot read file '{path}': {ex.Message}", ex);
            }
        }

        return ParseHex(source);
    }

    /// <summary>
    /// Raw bytes as a frame: hex text when every byte is a hex digit or ASCII white space, binary otherwise.
    /// No valid frame is mistaken for hex: a frame starts with a CBOR array head (0x80-0x9f), never a
    /// hex digit.
    /// </summary>
    public static byte[] FromBytes(byte[] bytes)
    {
        var looksLikeHex = bytes.Length > 0;
        foreach (var b in bytes)
        {
            if (!Uri.IsHexDigit((char)b) && b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                looksLikeHex = false;
                break;
            }
        }

        return looksLikeHex ? ParseHex(System.Text.Encoding.ASCII.GetString(bytes)) : bytes;
    }

    /// <summary>Hex digits to bytes; white space between digits is ignored, an optional 0x prefix too.</summary>
    public static byte[] ParseHex(string text)
    {
        var digits = new List<int>(text.Length);
        var start = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? 2 : 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            if (!Uri.IsHexDigit(c))
            {
                var shown = char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString();
                throw new FrameFormatException($"input is not hex: unexpected character '{shown}' at position {i + 1}");
            }

            digits.Add(Convert.ToInt32(c.ToString(), 16));
        }

        if (digits.Count == 0)
        {
            throw new FrameFormatException("input is empty: give the frame as hex, @file or - for standard input");
        }

        if (digits.Count % 2 != 0)
        {
            throw new FrameFormatException($"input is not hex: odd number of hex digits ({digits.Count})");
        }

        var bytes = new byte[digits.Count / 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)((digits[2 * i] << 4) | digits[(2 * i) + 1]);
        }

        return bytes;
    }

    private static byte[] ReadAll(Stream stream, string what)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                throw new FrameFormatException($"{what} holds more than {MaxBytes} bytes; a frame is far smaller");
            }
        }

        return buffer.ToArray();
    }
}
