namespace Edge.HwSim.Physics;

/// <summary>A steady draw every hour (a shop's cooling loop, a fountain; in tests, a base easy to add to by hand).</summary>
/// <param name="LitresPerHour">Litres drawn in every hour, zero or more.</param>
public sealed record ConstantWaterUse(double LitresPerHour) : IWaterUse
{
    /// <inheritdoc />
    public double LitresInHour(DateTimeOffset hourStartUtc) => LitresPerHour;
}
