namespace Edge.Uplink;

/// <summary>The readings of one channel of one device, in sequence order.</summary>
/// <param name="Channel">Channel name as the device sends it (e.g. <c>volume</c>).</param>
/// <param name="Unit">SenML unit of the values (e.g. <c>l</c>).</param>
/// <param name="Scale">Decimal scale: value = mantissa × 10^-Scale (0..18).</param>
/// <param name="Points">The readings.</param>
public sealed record ChannelRun(string Channel, string Unit, int Scale, IReadOnlyList<ReadingPoint> Points);
