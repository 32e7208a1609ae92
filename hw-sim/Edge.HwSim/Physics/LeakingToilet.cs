namespace Edge.HwSim.Physics;

/// <summary>
/// A toilet cistern whose flapper no longer seals: a constant trickle, day and night, from <see cref="From"/> on. A few
/// litres an hour is typical; it is what makes a meter never see a zero hour (issue 8, continuous leak).
/// </summary>
/// <param name="From">When the trickle starts.</param>
/// <param name="LitresPerHour">The trickle.</param>
public sealed record LeakingToilet(DateTimeOffset From, double LitresPerHour) : IWaterEvent
{
    /// <inheritdoc />
    public double ExtraLitres(DateTimeOffset hourStartUtc) => LitresPerHour * HourSpan.Overlap(hourStartUtc, From, null);
}
