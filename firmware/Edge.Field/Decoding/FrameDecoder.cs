using System.Formats.Cbor;
using System.Text;

namespace Edge.Field.Decoding;

/// <summary>
/// Decodes a device frame (firmware/FRAME.md: a CBOR array of SenML records) strictly: well-formed CBOR
/// with definite lengths only, read in strict mode (no duplicate keys, valid UTF-8), every rule FRAME.md
/// gives the gateway for refusing a frame, base fields only in the first record, no trailing bytes. Whatever the input, the only exception that comes out is a
/// <see cref="FrameFormatException"/> whose message is one line saying what is wrong and where.
/// </summary>
public static class FrameDecoder
{
    /// <summary>Decodes <paramref name="frame"/>; throws <see cref="FrameFormatException"/> when it is malformed.</summary>
    public static DecodedFrame Decode(ReadOnlyMemory<byte> frame)
    {
        if (frame.IsEmpty)
        {
            throw new FrameFormatException("empty frame: there are no bytes to decode");
        }

        if (CborWellFormedness.Check(frame.Span) is { } malformed)
        {
            throw new FrameFormatException(malformed);
        }

        var parser = new FrameParser(frame);
        try
        {
            return parser.ParseFrame();
        }
        catch (FrameFormatException)
        {
            throw;
        }
        catch (Exception ex) when (ex is CborContentException or InvalidOperationException or OverflowException
                                       or FormatException or ArgumentException or DecoderFallbackException)
        {
            throw new FrameFormatException(parser.Context + Explain(ex), ex);
        }
    }

    /// <summary>True when <paramref name="frame"/> decodes; the reason otherwise.</summary>
    public static bool TryDecode(ReadOnlyMemory<byte> frame, out DecodedFrame? decoded, out string? error)
    {
        try
        {
            decoded = Decode(frame);
            error = null;
            return true;
        }
        catch (FrameFormatException ex)
        {
            decoded = null;
            error = ex.Message;
            return false;
        }
    }

    private static string Explain(Exception ex) => ex switch
    {
        OverflowException => "a number is too large",
        DecoderFallbackException => "a text string is not valid UTF-8",
        _ => "invalid CBOR (" + ex.Message.TrimEnd('.') + ")",
    };
}
