namespace Edge.Uplink;

/// <summary>All readings of one device in a batch, one run per channel.</summary>
public sealed record DeviceRun(string DeviceId, IReadOnlyList<ChannelRun> Channels);
