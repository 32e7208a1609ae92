namespace Edge.Gateway.Sensors.Seismic;

/// <summary>
/// Thresholds that turn sensor readings into events (<see cref="SensorThresholdEvaluator"/>), bound from
/// <c>Edge:Gateway:Thresholds</c>.
/// </summary>
public sealed class SensorThresholdOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Edge:Gateway:Thresholds";

    /// <summary>River gauges and their official levels.</summary>
    public List<RiverLevelThreshold> Rivers { get; set; } = [];

    /// <summary>Hourly rainfall (mm) at and above which a heavy-rain event is raised (JMA: 50 mm/h is 非常に激しい雨).</summary>
    public decimal RainMmPerHour { get; set; } = 50m;

    /// <summary>Lowest intensity class that raises an event (default 震度4).</summary>
    public JmaIntensityClass IntensityClass { get; set; } = JmaIntensityClass.Four;

    /// <summary>Problems with the options, empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (RainMmPerHour <= 0)
        {
            problems.Add("Thresholds:RainMmPerHour must be positive");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in Rivers)
        {
            if (string.IsNullOrWhiteSpace(r.Device))
            {
                problems.Add("Thresholds:Rivers: an entry has no Device");
                continue;
            }

            if (!seen.Add(r.Device))
            {
                problems.Add($"Thresholds:Rivers: {r.Device} is listed twice");
            }

            if (!(r.CautionM <= r.EvacuationDecisionM && r.EvacuationDecisionM <= r.DangerM))
            {
                problems.Add($"Thresholds:Rivers: {r.Device}: levels must rise 氾濫注意 ≤ 避難判断 ≤ 氾濫危険 (got {r.CautionM}, {r.EvacuationDecisionM}, {r.DangerM})");
            }
        }

        return problems;
    }
}

/// <summary>A river gauge's levels, metres on the gauge's datum, as the river administrator publishes them.</summary>
public sealed class RiverLevelThreshold
{
    /// <summary>Device id of the water level sensor.</summary>
    public string Device { get; set; } = "";

    /// <summary>氾濫注意水位 (flood caution level), m.</summary>
    public decimal CautionM { get; set; }

    /// <summary>避難判断水位 (evacuation decision level), m.</summary>
    public decimal EvacuationDecisionM { get; set; }

    /// <summary>氾濫危険水位 (flood danger level), m.</summary>
    public decimal DangerM { get; set; }
}
