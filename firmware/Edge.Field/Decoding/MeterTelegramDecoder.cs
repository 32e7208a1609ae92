using Edge.Firmware.MBus;

namespace Edge.Field.Decoding;

/// <summary>
/// Decodes meter telegrams for edge-field with the firmware's own decoders (and its own AES). One instance
/// keeps the compact frame formats it has seen, so a batch can hold a full frame and then compact frames.
/// </summary>
public sealed class MeterTelegramDecoder
{
    private readonly WMBusDecoder _wireless = new() { Cipher = new PortableWMBusCipher() };
    private readonly MBusWiredDecoder _wired = new();

    /// <summary>Creates a decoder for <paramref name="format"/> (<see cref="MeterFormat.WMBus"/> or <see cref="MeterFormat.MBus"/>).</summary>
    public MeterTelegramDecoder(string format)
    {
        if (format is not (MeterFormat.WMBus or MeterFormat.MBus))
        {
            throw new ArgumentException($"not a meter format: {format}", nameof(format));
        }

        Format = format;
    }

    /// <summary>The format decoded.</summary>
    public string Format { get; }

    /// <summary>The last decoded telegram (reused by every call).</summary>
    public MBusTelegram Telegram { get; } = new();

    /// <summary>
    /// Decodes one telegram given as hex, with an optional key (wmbus only): AES as 32 hex digits, or DES (security
    /// mode 2) as 16. False with
    /// <paramref name="error"/> when the input or the telegram is wrong.
    /// </summary>
    public bool TryDecode(string hex, string? keyHex, out string error)
    {
        byte[] frame;
        byte[]? key = null;
        try
        {
            frame = FrameInput.ParseHex(hex);
            if (keyHex is not null)
            {
                if (Format != MeterFormat.WMBus)
                {
                    error = "a key applies to --format wmbus only";
                    return false;
                }

                key = FrameInput.ParseHex(keyHex);
                if (key.Length is not (16 or 8))
                {
                    error = $"key must be 16 bytes (32 hex digits, AES) or 8 bytes (16 hex digits, DES of security mode 2), got {key.Length} bytes";
                    return false;
                }
            }
        }
        catch (Edge.Firmware.Frames.FrameFormatException ex)
        {
            error = ex.Message;
            return false;
        }

        var ok = Format == MeterFormat.WMBus
            ? _wireless.TryDecode(frame, 0, frame.Length, key, Telegram)
            : _wired.TryDecode(frame, 0, frame.Length, Telegram);
        error = ok ? string.Empty : Telegram.Error ?? "decoding failed";
        return ok;
    }
}
