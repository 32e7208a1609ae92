namespace Edge.Ingest.Analytics.Sensors;

/// <summary>
/// Rainfall intensity bands (issue 8: 10/20/30/50/80 mm/h, the bounds of JMA's terms for rain intensity: やや強い雨
/// 10-20, 強い雨 20-30, 激しい雨 30-50, 非常に激しい雨 50-80, 猛烈な雨 80 and more; each bound inclusive below).
/// A 10-minute amount is judged as its hourly rate (× 6).
/// </summary>
public static class RainfallBands
{
    /// <summary>The default lower bounds in mm/h.</summary>
    public static IReadOnlyList<decimal> Default { get; } = [10m, 20m, 30m, 50m, 80m];

    /// <summary>The band of an hourly amount: 0 below the first bound, else the number of bounds reached.</summary>
    /// <exception cref="ArgumentException">The bounds are not strictly increasing.</exception>
    public static int OfHour(decimal millimetresPerHour, IReadOnlyList<decimal> bounds)
    {
        ArgumentNullException.ThrowIfNull(bounds);
        for (var i = 1; i < bounds.Count; i++)
        {
            if (bounds[i] <= bounds[i - 1])
            {
                throw new ArgumentException("Rainfall band bounds must be strictly increasing.", nameof(bounds));
            }
        }

        var band = 0;
        while (band < bounds.Count && millimetresPerHour >= bounds[band])
        {
            band++;
        }

        return band;
    }

    /// <summary>The band of a 10-minute amount, taken as the hourly rate it would make.</summary>
    public static int OfTenMinutes(decimal millimetres, IReadOnlyList<decimal> bounds) => OfHour(millimetres * 6, bounds);
}
