using System.Collections.Generic;

namespace Edge.Firmware.Frames;

/// <summary>A device frame (firmware/FRAME.md) read and checked by <see cref="SenmlFrameReader"/>.</summary>
/// <param name="Header">The base fields of the first record.</param>
/// <param name="Records">The records, in frame order; at least one, with distinct <c>seq</c>.</param>
public sealed record SenmlFrame(FrameHeader Header, IReadOnlyList<FrameRecord> Records);
