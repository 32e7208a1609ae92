namespace Edge.HwSim.Physics;

/// <summary>
/// A burst pipe behind the meter: a large constant flow from <see cref="At"/> until it is repaired (null: never). A
/// domestic DN15 meter's Q3 is 2.5 m³/h, the burst limit the ingest uses by default.
/// </summary>
/// <param name="At">When the pipe bursts.</param>
/// <param name="LitresPerHour">Flow through the burst.</param>
/// <param name="RepairedAt">When the flow stops, or null.</param>
public sealed record BurstPipe(DateTimeOffset At, double LitresPerHour, DateTimeOffset? RepairedAt = null) : IWaterEvent
{
    /// <inheritdoc />
    public double ExtraLitres(DateTimeOffset hourStartUtc) => LitresPerHour * HourSpan.Overlap(hourStartUtc, At, RepairedAt);
}
