namespace Edge.HwSim.Physics;

/// <summary>
/// A physical event at one meter's premises or in the main that feeds it. A <see cref="PremisesModel"/> combines its
/// events per hour in three steps: the household's own use is scaled (<see cref="HouseholdShare"/>), extra flows are
/// added (<see cref="ExtraLitres"/>), then the supply decides what actually passes (<see cref="SupplyShare"/>,
/// <see cref="ReverseLitres"/>). An event overrides only the steps it takes part in.
/// </summary>
public interface IWaterEvent
{
    /// <summary>Share (0..1) of the household's ordinary use that still happens in the hour.</summary>
    double HouseholdShare(DateTimeOffset hourStartUtc) => 1;

    /// <summary>Litres that flow forward in the hour on top of the household's use (a leak, a burst).</summary>
    double ExtraLitres(DateTimeOffset hourStartUtc) => 0;

    /// <summary>Share (0..1) of the hour in which the main delivers water; without it nothing flows forward.</summary>
    double SupplyShare(DateTimeOffset hourStartUtc) => 1;

    /// <summary>Litres that flow back through the meter into the main in the hour.</summary>
    double ReverseLitres(DateTimeOffset hourStartUtc) => 0;
}
