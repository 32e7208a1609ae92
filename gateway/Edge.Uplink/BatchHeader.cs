namespace Edge.Uplink;

/// <summary>The uncompressed header of an encoded batch.</summary>
public sealed record BatchHeader(int Version, string GatewayId, long Sequence, long CreatedUnixMs);
