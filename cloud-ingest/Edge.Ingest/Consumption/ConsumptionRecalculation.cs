namespace Edge.Ingest.Consumption;

/// <summary>
/// Which intervals late readings can change, so that backfill recomputes only those (issue 4: "filled when late data
/// arrives"). A reading at t can become the register of a boundary within the tolerance of t, and it joins the step
/// chain of the interval it falls in; so interval [b_i, b_i+1) is affected exactly when b_i − tolerance ≤ t ≤
/// b_i+1 + tolerance.
/// </summary>
public static class ConsumptionRecalculation
{
    /// <summary>Indices of the intervals of <paramref name="boundaries"/> that readings at <paramref name="observed"/> affect, ascending.</summary>
    public static IReadOnlyList<int> AffectedIntervals(
        IReadOnlyList<DateTimeOffset> boundaries, IEnumerable<DateTimeOffset> observed, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        ArgumentNullException.ThrowIfNull(observed);
        var affected = new SortedSet<int>();
        foreach (var t in observed)
        {
            for (var i = 0; i + 1 < boundaries.Count; i++)
            {
                if (boundaries[i] - tolerance <= t && t <= boundaries[i + 1] + tolerance)
                {
                    affected.Add(i);
                }
            }
        }

        return [.. affected];
    }

    /// <summary>Starts of the UTC hours that readings at <paramref name="observed"/> affect, ascending.</summary>
    public static IReadOnlyList<DateTimeOffset> AffectedHours(IEnumerable<DateTimeOffset> observed, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(observed);
        var hour = TimeSpan.FromHours(1);
        var affected = new SortedSet<DateTimeOffset>();
        foreach (var t in observed)
        {
            var floor = new DateTimeOffset(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
            affected.Add(floor);
            if (t - floor <= tolerance)
            {
                affected.Add(floor - hour);
            }

            if (floor + hour - t <= tolerance)
            {
                affected.Add(floor + hour);
            }
        }

        return [.. affected];
    }
}
