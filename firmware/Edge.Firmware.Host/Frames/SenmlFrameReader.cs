using System;
using System.Diagnostics.CodeAnalysis;
using System.Formats.Cbor;
using System.Text;

namespace Edge.Firmware.Frames;

/// <summary>
/// The one reader of device frames (firmware/FRAME.md: a CBOR array of SenML records, RFC 8428 §6), used by
/// the gateway and by edge-field. Strict: well-formed CBOR with definite lengths only, read in strict mode
/// (no duplicate keys, valid UTF-8); every rule FRAME.md gives for refusing a frame; base fields only in
/// the first record; no SenML field FRAME.md does not use; the limits a gateway batch can carry (ids of
/// at most 256 bytes, times in years 0001-9999, exact decimal values); no trailing bytes. Whatever the
/// input, the only exception that comes out is a <see cref="FrameFormatException"/> whose message is one
/// line saying what is wrong and where. Matching the device id to the MQTT topic is the gateway's job.
/// </summary>
public static class SenmlFrameReader
{
    /// <summary>Reads <paramref name="frame"/>; throws <see cref="FrameFormatException"/> when it breaks FRAME.md.</summary>
    public static SenmlFrame Read(ReadOnlyMemory<byte> frame)
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

    /// <summary>True with the frame when <paramref name="frame"/> follows FRAME.md; false with the one-line reason otherwise.</summary>
    public static bool TryRead(
        ReadOnlyMemory<byte> frame,
        [NotNullWhen(true)] out SenmlFrame? decoded,
        [NotNullWhen(false)] out string? error)
    {
        try
        {
            decoded = Read(frame);
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
        _ => "invalid CBOR (" + ex.Message.Replace('\n', ' ').Replace('\r', ' ').TrimEnd('.') + ")",
    };
}
