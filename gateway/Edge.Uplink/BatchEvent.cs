namespace Edge.Uplink;

/// <summary>A device or gateway event (meter flag, alarm) carried in a batch.</summary>
public sealed record BatchEvent(string DeviceId, long ObservedUnixMs, string Kind, string? Detail);
