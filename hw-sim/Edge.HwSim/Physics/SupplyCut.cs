namespace Edge.HwSim.Physics;

/// <summary>
/// No water from the main from <see cref="From"/> until <see cref="RestoredAt"/> (null: not yet): the meter keeps
/// reporting, and reads zero (an earthquake's broken mains, a shut valve).
/// </summary>
/// <param name="From">When supply stops.</param>
/// <param name="RestoredAt">When supply returns, or null.</param>
public sealed record SupplyCut(DateTimeOffset From, DateTimeOffset? RestoredAt) : IWaterEvent
{
    /// <inheritdoc />
    public double SupplyShare(DateTimeOffset hourStartUtc) => 1 - HourSpan.Overlap(hourStartUtc, From, RestoredAt);
}
