namespace Edge.HwSim.Physics;

/// <summary>One use of water in a household: a tap, a flush, a shower.</summary>
/// <param name="Start">When the draw starts, relative to the start of its hour.</param>
/// <param name="Duration">How long water flows.</param>
/// <param name="Litres">Volume drawn (constant flow over the duration).</param>
public readonly record struct WaterDraw(TimeSpan Start, TimeSpan Duration, double Litres)
{
    /// <summary>Flow rate in litres per second.</summary>
    public double LitresPerSecond => Duration > TimeSpan.Zero ? Litres / Duration.TotalSeconds : 0;
}
