namespace Edge.Ingest.Analytics.Sensors;

/// <summary>Sensor thresholds (<c>Edge:Ingest:Analytics:Sensors</c>). River levels are per station, as data (<see cref="RiverStation"/>).</summary>
public sealed class SensorRuleOptions
{
    /// <summary>Lower bounds of the rainfall bands in mm/h, strictly increasing; null for <see cref="RainfallBands.Default"/>.</summary>
    public IReadOnlyList<decimal>? RainfallBandsMmPerHour { get; set; }

    /// <summary>Water depth at which an inundation sensor counts as wet (sensor noise below it), m.</summary>
    public decimal InundationWetM { get; set; } = 0.01m;

    /// <summary>
    /// Depth at which water is above the floor (床上浸水), m. Damage statistics in Japan count above-floor flooding
    /// separately; 0.5 m is a common ground-floor height and a utility sets its own.
    /// </summary>
    public decimal AboveFloorM { get; set; } = 0.5m;

    /// <summary>The rainfall bands in force.</summary>
    public IReadOnlyList<decimal> Bands => RainfallBandsMmPerHour ?? RainfallBands.Default;
}
