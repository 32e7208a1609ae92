namespace Edge.Firmware.Frames;

/// <summary>What a frame's first record says about the gateway configuration the device applied (firmware/FRAME.md, "Device configuration").</summary>
/// <param name="Version">Configuration version applied (<c>cfg</c>).</param>
/// <param name="SamplingSeconds">Sampling interval in force (<c>si</c>).</param>
/// <param name="ReportingSeconds">Reporting interval in force (<c>ri</c>).</param>
public sealed record FrameSettings(long Version, int SamplingSeconds, int ReportingSeconds);
