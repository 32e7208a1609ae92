using System;
using Edge.Firmware.Hardware;

namespace Edge.Firmware.Frames;

/// <summary>One SenML record of a device frame, with the base fields of the frame applied.</summary>
/// <param name="Index">Position in the frame, starting at 1 (as in the reasons of <see cref="FrameFormatException"/>).</param>
/// <param name="Channel">The SenML name relative to the base name (<c>n</c>), e.g. <c>volume</c>.</param>
/// <param name="Unit">The unit: the record's <c>u</c>, else the frame's <c>bu</c>, else empty.</param>
/// <param name="Value">The value (<c>v</c>), exactly as a decimal.</param>
/// <param name="TimeOffset">Seconds relative to the base time (<c>t</c>; 0 when absent).</param>
/// <param name="ObservedUnixMs">The observed time, (bt + t) seconds, in Unix milliseconds UTC.</param>
/// <param name="Seq">The per-device sequence number (<c>seq</c>), 0..2^63-1.</param>
/// <param name="ClockQuality">The clock quality (<c>cq</c>) as a <see cref="ClockQualities"/> code.</param>
/// <param name="Flags">The status flags (<c>fl</c>; 0 when absent), 0..2^31-1; bits in <c>ReadingFlags</c>.</param>
public sealed record FrameRecord(
    int Index,
    string Channel,
    string Unit,
    FrameValue Value,
    long TimeOffset,
    long ObservedUnixMs,
    long Seq,
    int ClockQuality,
    int Flags)
{
    /// <summary>The observed time as a UTC timestamp.</summary>
    public DateTimeOffset Observed => DateTimeOffset.FromUnixTimeMilliseconds(ObservedUnixMs);

    /// <summary>The clock quality as the frame spells it: gnss, ntp, gateway or rtc-unsynced.</summary>
    public string ClockQualityText => ClockQualities.ToText(ClockQuality);
}
