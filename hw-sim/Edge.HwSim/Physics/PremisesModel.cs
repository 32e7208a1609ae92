namespace Edge.HwSim.Physics;

/// <summary>
/// One metered premises: its ordinary use (<see cref="IWaterUse"/>) and the physical events scheduled on it, combined
/// per hour (see <see cref="IWaterEvent"/>). Deterministic: the same use model and events give the same flows, in any
/// order of asking.
/// </summary>
public sealed class PremisesModel(IWaterUse use)
{
    private readonly List<IWaterEvent> _events = [];

    /// <summary>The ordinary use.</summary>
    public IWaterUse Use { get; } = use ?? throw new ArgumentNullException(nameof(use));

    /// <summary>The events scheduled on this premises.</summary>
    public IReadOnlyList<IWaterEvent> Events => _events;

    /// <summary>Schedules <paramref name="waterEvent"/>.</summary>
    public PremisesModel Add(IWaterEvent waterEvent)
    {
        ArgumentNullException.ThrowIfNull(waterEvent);
        _events.Add(waterEvent);
        return this;
    }

    /// <summary>The flow through the meter in the hour that begins at <paramref name="hourStartUtc"/>.</summary>
    public MeterFlow FlowInHour(DateTimeOffset hourStartUtc)
    {
        var household = 1.0;
        var extra = 0.0;
        var supply = 1.0;
        var reverse = 0.0;
        foreach (var e in _events)
        {
            household = Math.Min(household, e.HouseholdShare(hourStartUtc));
            extra += e.ExtraLitres(hourStartUtc);
            supply = Math.Min(supply, e.SupplyShare(hourStartUtc));
            reverse += e.ReverseLitres(hourStartUtc);
        }

        // Without supply, neither the household nor a leak draws: the forward flow scales with the supplied share.
        var forward = ((Use.LitresInHour(hourStartUtc) * household) + extra) * supply;
        return new MeterFlow(forward, reverse);
    }
}
