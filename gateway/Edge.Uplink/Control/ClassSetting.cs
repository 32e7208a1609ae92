namespace Edge.Uplink.Control;

/// <summary>One store class's limits.</summary>
/// <param name="TtlDays">Days an item may wait before it expires (0 &lt; ttl ≤ <see cref="ControlLimits.MaxTtlDays"/>), or null.</param>
/// <param name="Share">Share of the store kept when it is full (0..1), or null.</param>
public sealed record ClassSetting(double? TtlDays, double? Share);
