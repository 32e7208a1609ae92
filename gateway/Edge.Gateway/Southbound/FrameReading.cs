using Edge.Uplink;

namespace Edge.Gateway.Southbound;

/// <summary>One reading decoded from a device frame (firmware/FRAME.md).</summary>
/// <param name="Channel">SenML name relative to the base name, e.g. <c>volume</c>.</param>
/// <param name="Unit">SenML unit (<c>u</c>, else <c>bu</c>); empty when the frame names none.</param>
/// <param name="Seq">Per-device sequence number.</param>
/// <param name="ObservedUnixMs">(bt + t) in Unix milliseconds UTC.</param>
/// <param name="Mantissa">Value = mantissa × 10^-scale, exactly the decimal the device sent.</param>
/// <param name="Scale">Decimal scale, 0..18; 0 for integer values.</param>
/// <param name="ClockQuality">Clock quality of the time (<c>cq</c>).</param>
/// <param name="Flags">Status flags (<c>fl</c>), 0 when absent.</param>
public sealed record FrameReading(
    string Channel,
    string Unit,
    long Seq,
    long ObservedUnixMs,
    long Mantissa,
    int Scale,
    ClockQuality ClockQuality,
    int Flags);
