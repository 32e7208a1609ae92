namespace Edge.HwSim.Physics;

/// <summary>
/// Backflow while the main is broken: the main loses pressure, nothing is delivered, and water siphons back from the
/// premises through the meter at <see cref="LitresPerHour"/>, from <see cref="From"/> until <see cref="Until"/>. The
/// register counts down and the meter sets its reverse flag (firmware/FRAME.md, flags bit 0).
/// </summary>
/// <param name="From">When the main breaks.</param>
/// <param name="Until">When pressure is back.</param>
/// <param name="LitresPerHour">Reverse flow through the meter.</param>
public sealed record Backflow(DateTimeOffset From, DateTimeOffset Until, double LitresPerHour) : IWaterEvent
{
    /// <inheritdoc />
    public double SupplyShare(DateTimeOffset hourStartUtc) => 1 - HourSpan.Overlap(hourStartUtc, From, Until);

    /// <inheritdoc />
    public double ReverseLitres(DateTimeOffset hourStartUtc) => LitresPerHour * HourSpan.Overlap(hourStartUtc, From, Until);
}
