namespace Edge.HwSim.Scenarios;

/// <summary>Settings of the earthquake scenario (<see cref="EarthquakeScenario"/>).</summary>
public sealed class EarthquakeOptions
{
    /// <summary>Seed of the households.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Meters in each status area.</summary>
    public int MetersPerArea { get; init; } = 12;

    /// <summary>When the quake strikes (UTC; rounded down to the minute by nothing: any time works).</summary>
    public required DateTimeOffset QuakeAt { get; init; }

    /// <summary>Simulated history before the quake, whole hours (the ingest's baseline needs weeks of it).</summary>
    public TimeSpan History { get; init; } = TimeSpan.FromDays(28);

    /// <summary>
    /// Every premises draws <see cref="SteadyLitresPerHour"/> every hour instead of a household's diurnal use, so every
    /// meter is normally active at every hour of the week (tests that must see an outage whatever the time of day).
    /// </summary>
    public bool SteadyUse { get; init; }

    /// <summary>The steady draw of <see cref="SteadyUse"/>.</summary>
    public double SteadyLitresPerHour { get; init; } = 12;

    /// <summary>Gateway id the batches carry (the registry seed registers the meters to it).</summary>
    public string GatewayId { get; init; } = "gw-demo";

    /// <summary>The status areas; default <see cref="EarthquakeScenario.DefaultAreas"/>.</summary>
    public IReadOnlyList<ScenarioArea>? Areas { get; init; }

    /// <summary>Ids of the areas the quake cuts; default <see cref="EarthquakeScenario.DefaultCutAreas"/>.</summary>
    public IReadOnlyList<string>? CutAreas { get; init; }
}
