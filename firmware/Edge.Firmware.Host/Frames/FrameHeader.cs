namespace Edge.Firmware.Frames;

/// <summary>The base fields of a device frame, all from its first record (firmware/FRAME.md).</summary>
/// <param name="BaseName">The SenML base name (<c>bn</c>), <c>urn:dev:ops:{deviceId}:</c> (RFC 9039).</param>
/// <param name="DeviceId">The device id taken from the base name; the gateway matches it to the topic.</param>
/// <param name="BaseTime">The base time (<c>bt</c>) in Unix seconds, UTC.</param>
/// <param name="BaseUnit">The base unit (<c>bu</c>), or null when the frame has none.</param>
public sealed record FrameHeader(string BaseName, string DeviceId, long BaseTime, string? BaseUnit)
{
    /// <summary>The clock fields (FRAME.md, "Clock"); empty when the frame has none.</summary>
    public FrameClock Clock { get; init; } = new(null, null, null, null);

    /// <summary>The gateway configuration the device runs on (FRAME.md, "Device configuration"); null when the frame does not say.</summary>
    public FrameSettings? Settings { get; init; }
}
