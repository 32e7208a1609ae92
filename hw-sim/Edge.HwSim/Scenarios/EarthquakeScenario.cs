using Edge.HwSim.Physics;

namespace Edge.HwSim.Scenarios;

/// <summary>
/// The earthquake scenario of issue 8: a ward's status areas of metered households, weeks of ordinary use (the
/// ingest's baseline), then a quake that cuts the water of some areas and restores it over two days.
/// </summary>
public sealed class EarthquakeScenario
{
    private EarthquakeScenario(Scenario scenario, Earthquake quake, IReadOnlyList<ScenarioMeter> cut, IReadOnlyList<DateTimeOffset> restored)
    {
        Scenario = scenario;
        Quake = quake;
        CutMeters = cut;
        RestoredAt = restored;
    }

    /// <summary>
    /// Six status areas in Shinjuku (13104), laid out 3 × 2 west of the ward office. The coordinates and names are
    /// invented for the demo (about 550 m × 550 m blocks), not real 町丁目 boundaries.
    /// </summary>
    public static IReadOnlyList<ScenarioArea> DefaultAreas { get; } = Grid("13104", "shinjuku-demo-", "新宿デモ", 139.684, 35.686, 0.006, 0.005, 3, 2);

    /// <summary>The two western areas: the quake cuts them.</summary>
    public static IReadOnlyList<string> DefaultCutAreas { get; } = ["shinjuku-demo-1", "shinjuku-demo-4"];

    /// <summary>The meters, their scenario and its clock (at the start of the history).</summary>
    public Scenario Scenario { get; }

    /// <summary>The quake.</summary>
    public Earthquake Quake { get; }

    /// <summary>The meters whose water the quake cuts.</summary>
    public IReadOnlyList<ScenarioMeter> CutMeters { get; }

    /// <summary>When each of <see cref="CutMeters"/> gets water back.</summary>
    public IReadOnlyList<DateTimeOffset> RestoredAt { get; }

    /// <summary>Builds the scenario; its clock starts <see cref="EarthquakeOptions.History"/> before the quake's hour.</summary>
    public static EarthquakeScenario Create(EarthquakeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var areas = options.Areas ?? DefaultAreas;
        var cutIds = options.CutAreas ?? DefaultCutAreas;
        var quakeHour = DateTimeOffset.FromUnixTimeMilliseconds(options.QuakeAt.ToUnixTimeMilliseconds() / 3_600_000 * 3_600_000);
        var start = quakeHour - TimeSpan.FromHours(Math.Ceiling(options.History.TotalHours));
        var rng = new Random(options.Seed);
        var meters = new List<ScenarioMeter>();
        foreach (var area in areas)
        {
            var side = (int)Math.Ceiling(Math.Sqrt(options.MetersPerArea));
            for (var i = 0; i < options.MetersPerArea; i++)
            {
                // A grid across the block with a little seeded jitter, so that no two meters share a point.
                var u = ((i % side) + 0.25 + (rng.NextDouble() * 0.5)) / side;
                var v = ((i / side) + 0.25 + (rng.NextDouble() * 0.5)) / side;
                var (lat, lon) = area.PointAt(u, v);
                var index = meters.Count;
                IWaterUse use = options.SteadyUse
                    ? new ConstantWaterUse(options.SteadyLitresPerHour)
                    : new HouseholdConsumptionModel((options.Seed * 100_003) + index);
                var id = "eq-" + (index + 1).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
                meters.Add(new ScenarioMeter(id, area, lat, lon, new PremisesModel(use), 10_000 + rng.Next(900_000)));
            }
        }

        var cut = meters.Where(m => cutIds.Contains(m.Area.Id)).ToList();
        var cutAreas = areas.Where(a => cutIds.Contains(a.Id)).ToList();
        if (cutAreas.Count == 0)
        {
            throw new ArgumentException("None of the cut areas is among the scenario's areas.", nameof(options));
        }

        // Restoration comes from the west: the middle of the cut areas' western edge.
        var source = (cutAreas.Average(a => (a.South + a.North) / 2), cutAreas.Min(a => a.West));
        var quake = new Earthquake(options.QuakeAt, source);
        var restored = quake.ApplyTo(cut);
        return new EarthquakeScenario(new Scenario(options.GatewayId, start, areas, meters), quake, cut, restored);
    }

    /// <summary>A grid of <paramref name="columns"/> × <paramref name="rows"/> rectangular areas, numbered west to east, south to north.</summary>
    public static IReadOnlyList<ScenarioArea> Grid(
        string municipality, string idPrefix, string namePrefix, double west, double south, double width, double height, int columns, int rows)
    {
        var areas = new List<ScenarioArea>(columns * rows);
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var n = ((r * columns) + c + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var w = west + (c * width);
                var s = south + (r * height);
                areas.Add(new ScenarioArea(idPrefix + n, namePrefix + n, municipality, w, s, w + width, s + height));
            }
        }

        return areas;
    }
}
