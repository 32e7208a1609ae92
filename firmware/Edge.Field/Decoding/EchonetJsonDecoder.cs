using Edge.Firmware.Echonet;

namespace Edge.Field.Decoding;

/// <summary>
/// Decodes ECHONET Lite frames for <c>edge-field decode --format echonet</c> with the firmware's codec. One
/// instance remembers, per source object, the coefficient (0xD3), digits (0xD7) and unit (0xE1) a meter has
/// sent, so in a <c>--stdin</c> batch a line with them lets later lines' registers come out in SI units.
/// </summary>
public sealed class EchonetJsonDecoder
{
    private readonly Dictionary<int, EchonetMeterScale> _scales = [];

    /// <summary>The last decoded frame (reused by every call).</summary>
    public EchonetFrame Frame { get; } = new();

    /// <summary>The scale used for the last frame's properties.</summary>
    public EchonetMeterScale Scale { get; private set; } = new();

    /// <summary>Decodes one frame given as hex; false with <paramref name="error"/> when the hex or the frame is wrong.</summary>
    public bool TryDecode(string hex, string? keyHex, out string error)
    {
        if (keyHex is not null)
        {
            error = "a key applies to --format wmbus only";
            return false;
        }

        byte[] bytes;
        try
        {
            bytes = FrameInput.ParseHex(hex);
        }
        catch (Edge.Firmware.Frames.FrameFormatException ex)
        {
            error = ex.Message;
            return false;
        }

        if (!Frame.TryDecode(bytes, 0, bytes.Length))
        {
            error = Frame.ErrorText ?? "invalid frame";
            return false;
        }

        var owner = Frame.Ehd2 == EchonetFrame.Ehd2Specified ? EchonetPropertyDecoder.PropertyObject(Frame) : 0;
        if (!_scales.TryGetValue(owner, out var scale))
        {
            scale = new EchonetMeterScale();
            _scales[owner] = scale;
        }

        EchonetPropertyDecoder.Learn(Frame, scale);
        Scale = scale;
        error = string.Empty;
        return true;
    }
}
