namespace Edge.Firmware.Frames;

/// <summary>What a frame's first record says about the device clock (firmware/FRAME.md, "Clock").</summary>
/// <param name="BootFirstSeq">First seq of the device's current boot (<c>boot</c>), or null.</param>
/// <param name="NowUnixSeconds">The device clock when the frame was encoded (<c>now</c>), or null.</param>
/// <param name="NowQuality">Clock quality of <paramref name="NowUnixSeconds"/> (<c>nq</c>), a code of <see cref="Hardware.ClockQualities"/>; null with it.</param>
/// <param name="StepMs">The step of the clock at its first sync in this boot (<c>step</c>), or null.</param>
public sealed record FrameClock(long? BootFirstSeq, long? NowUnixSeconds, int? NowQuality, long? StepMs)
{
    /// <summary>True when the frame carries no clock field at all.</summary>
    public bool IsEmpty => BootFirstSeq is null && NowUnixSeconds is null && StepMs is null;
}
