using System.Diagnostics.CodeAnalysis;
using Edge.Firmware.Frames;

namespace Edge.Field.Decoding;

/// <summary>
/// Decodes a device frame for <c>edge-field decode</c> with the one frame reader the gateway uses too
/// (<see cref="SenmlFrameReader"/>), so that the technician sees exactly what the gateway accepts or why
/// it refuses a frame. Whatever the input, the only exception that comes out is a
/// <see cref="FrameFormatException"/> whose message is one line saying what is wrong and where.
/// </summary>
public static class FrameDecoder
{
    /// <summary>Decodes <paramref name="frame"/>; throws <see cref="FrameFormatException"/> when it is malformed.</summary>
    public static SenmlFrame Decode(ReadOnlyMemory<byte> frame) => SenmlFrameReader.Read(frame);

    /// <summary>True when <paramref name="frame"/> decodes; the reason otherwise.</summary>
    public static bool TryDecode(
        ReadOnlyMemory<byte> frame,
        [NotNullWhen(true)] out SenmlFrame? decoded,
        [NotNullWhen(false)] out string? error) =>
        SenmlFrameReader.TryRead(frame, out decoded, out error);
}
