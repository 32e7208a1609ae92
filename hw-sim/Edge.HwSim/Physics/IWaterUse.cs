namespace Edge.HwSim.Physics;

/// <summary>What a premises draws through its meter in each hour when nothing unusual happens.</summary>
public interface IWaterUse
{
    /// <summary>Litres drawn in the hour that begins at <paramref name="hourStartUtc"/>.</summary>
    double LitresInHour(DateTimeOffset hourStartUtc);
}
