namespace Edge.HwSim.Physics;

/// <summary>
/// A seeded household water-use model: a diurnal profile in Japan local time (UTC+9) with morning and
/// evening peaks and mostly dry nights, drawn as discrete uses (flushes, taps, showers, laundry).
/// Deterministic: the same seed and hour always give the same draws, in any order of asking.
/// </summary>
/// <remarks>
/// Scale: a Tokyo household uses about 8 m³ a month (≈ 270 L/day); the household size drawn from the
/// seed scales the day between about 120 L and 500 L.
/// </remarks>
public sealed class HouseholdConsumptionModel : IWaterUse
{
    // Relative weight of each local hour (0..23) in a day's use: dry small hours, peaks 6-8 and 18-22.
    private static readonly double[] _hourWeights =
    [
        0.6, 0.25, 0.1, 0.1, 0.15, 0.8, 3.0, 5.0, 4.0, 2.5, 2.0, 2.0,
        2.5, 2.0, 1.5, 1.5, 2.0, 3.0, 4.5, 5.0, 4.5, 3.5, 2.5, 1.5,
    ];

    private static readonly double _weightSum = _hourWeights.Sum();
    private readonly int _seed;
    private readonly double _litresPerDay;

    /// <summary>Creates the model of one household.</summary>
    public HouseholdConsumptionModel(int seed)
    {
        _seed = seed;
        var rng = new Random(seed);
        var persons = 1 + rng.Next(4); // 1..4 persons
        _litresPerDay = persons * (110 + (rng.NextDouble() * 40));
    }

    /// <summary>Mean litres per day of this household.</summary>
    public double MeanLitresPerDay => _litresPerDay;

    /// <summary>The water draws starting in the hour that begins at <paramref name="hourStartUtc"/>.</summary>
    public IReadOnlyList<WaterDraw> DrawsInHour(DateTimeOffset hourStartUtc)
    {
        var hourIndex = hourStartUtc.ToUnixTimeSeconds() / 3600;
        var rng = new Random(HourSeed(_seed, hourIndex));
        var localHour = (int)((hourIndex + 9) % 24);
        var mean = _litresPerDay * _hourWeights[localHour] / _weightSum;

        // Night hours are mostly dry: a dry hour gives the meter its "zero" hours.
        if (mean < 5 && rng.NextDouble() < 0.8)
        {
            return [];
        }

        var target = mean * (0.4 + (rng.NextDouble() * 1.2));
        var draws = new List<WaterDraw>();
        var drawn = 0.0;
        while (drawn < target && draws.Count < 40)
        {
            var (litres, litresPerMinute) = PickUse(rng);
            litres = Math.Min(litres, Math.Max(1.0, target - drawn + 1.0));
            var duration = TimeSpan.FromSeconds(Math.Max(5, litres / litresPerMinute * 60));
            var latestStart = Math.Max(0, 3600 - duration.TotalSeconds - 1);
            var start = TimeSpan.FromSeconds(Math.Floor(rng.NextDouble() * latestStart));
            draws.Add(new WaterDraw(start, duration, litres));
            drawn += litres;
        }

        draws.Sort((a, b) => a.Start.CompareTo(b.Start));
        return draws;
    }

    /// <summary>Total litres drawn in the hour that begins at <paramref name="hourStartUtc"/>.</summary>
    public double LitresInHour(DateTimeOffset hourStartUtc)
    {
        var total = 0.0;
        foreach (var draw in DrawsInHour(hourStartUtc))
        {
            total += draw.Litres;
        }

        return total;
    }

    // A stable per-hour seed (HashCode.Combine is randomised per process, which would make runs differ):
    // one SplitMix64 step over (seed, hour).
    private static int HourSeed(int seed, long hourIndex)
    {
        unchecked
        {
            var z = ((ulong)seed << 32) ^ (ulong)hourIndex;
            z += 0x9E3779B97F4A7C15;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
        }
    }

    // Typical domestic uses in Japan: 6 L toilet flush, tap use, a 12 L/min shower, a laundry fill.
    private static (double Litres, double LitresPerMinute) PickUse(Random rng)
    {
        var p = rng.NextDouble();
        return p switch
        {
            < 0.40 => (6, 12),
            < 0.75 => (2 + (rng.NextDouble() * 8), 6),
            < 0.90 => (40 + (rng.NextDouble() * 60), 12),
            _ => (30 + (rng.NextDouble() * 30), 15),
        };
    }
}
