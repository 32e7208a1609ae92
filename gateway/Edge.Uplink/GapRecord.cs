namespace Edge.Uplink;

/// <summary>Data that was dropped on purpose (store full, TTL): which devices, which span, how many, why.</summary>
public sealed record GapRecord(IReadOnlyList<string> DeviceIds, long FromUnixMs, long ToUnixMs, long Count, string Reason);
