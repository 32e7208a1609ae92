using System.Globalization;
using Edge.Ingest.Normalisation;
using Edge.Ingest.Normalisation.Registers;

namespace Edge.Ingest.Consumption;

/// <summary>
/// Volumes between boundaries from a meter's register readings. An interval gets a volume only when a reading lies
/// within the tolerance of both its boundaries; the volume is then the sum of the classified steps between those two
/// readings (<see cref="RegisterClassifier"/>), so rollovers and reverse flow inside the interval count correctly and
/// a replacement or reset inside it leaves a gap. Nothing is interpolated: gaps stay gaps until data arrives.
/// </summary>
public static class ConsumptionCalculator
{
    /// <summary>How far from a boundary a reading may be and still stand for the register at the boundary.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>Computes the interval between every pair of consecutive <paramref name="boundaries"/>.</summary>
    /// <param name="readings">One meter's readings, sorted by observed time.</param>
    /// <param name="spec">The meter's register.</param>
    /// <param name="boundaries">Strictly increasing boundaries (UTC), e.g. from <see cref="ConsumptionBoundaries"/>.</param>
    /// <param name="tolerance">Less than half the shortest interval, so that no reading serves two boundaries.</param>
    public static IReadOnlyList<ConsumptionInterval> Compute(
        IReadOnlyList<RegisterReading> readings, RegisterSpec spec, IReadOnlyList<DateTimeOffset> boundaries, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        var intervals = new List<ConsumptionInterval>(Math.Max(0, boundaries.Count - 1));
        for (var i = 0; i + 1 < boundaries.Count; i++)
        {
            intervals.Add(ComputeInterval(readings, spec, boundaries[i], boundaries[i + 1], tolerance));
        }

        return intervals;
    }

    /// <summary>Computes one interval; use it to recompute only the intervals late data touched.</summary>
    public static ConsumptionInterval ComputeInterval(
        IReadOnlyList<RegisterReading> readings, RegisterSpec spec, DateTimeOffset start, DateTimeOffset end, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(readings);
        ArgumentNullException.ThrowIfNull(spec);
        if (end <= start)
        {
            throw new ArgumentException("An interval must end after it starts.", nameof(end));
        }

        if (tolerance < TimeSpan.Zero || tolerance * 2 >= end - start)
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance must be at least zero and less than half the interval.");
        }

        var first = FindBoundaryReading(readings, start, tolerance);
        var last = FindBoundaryReading(readings, end, tolerance);
        RegisterReading? startRegister = first >= 0 ? readings[first] : null;
        RegisterReading? endRegister = last >= 0 ? readings[last] : null;
        if (first < 0 || last < 0)
        {
            var missing = first < 0 && last < 0 ? "either boundary" : first < 0 ? "the start" : "the end";
            return new ConsumptionInterval(start, end, startRegister, endRegister, null, QualityFlag.Good,
                Text($"No register reading within {tolerance.TotalMinutes:0.##} min of {missing}."));
        }

        var quality = QualityFlag.Worst(
            Offset("start", readings[first].ObservedAt, start), Offset("end", readings[last].ObservedAt, end));
        var volume = 0m;
        for (var k = first + 1; k <= last; k++)
        {
            var step = RegisterClassifier.Classify(readings[k - 1], readings[k], spec);
            if (step.VolumeM3 is not { } delta)
            {
                return new ConsumptionInterval(start, end, startRegister, endRegister, null, QualityFlag.Good,
                    step.Quality.Reason ?? step.Description);
            }

            volume += delta;
            quality = QualityFlag.Worst(quality, step.Quality);
        }

        return new ConsumptionInterval(start, end, startRegister, endRegister, volume, quality, null);
    }

    /// <summary>
    /// Index of the reading nearest to <paramref name="boundary"/> within <paramref name="tolerance"/> (the earlier one
    /// on a tie), or -1.
    /// </summary>
    public static int FindBoundaryReading(IReadOnlyList<RegisterReading> readings, DateTimeOffset boundary, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var lo = 0;
        var hi = readings.Count;
        var from = boundary - tolerance;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (readings[mid].ObservedAt < from)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        var best = -1;
        var bestDistance = TimeSpan.MaxValue;
        for (var i = lo; i < readings.Count && readings[i].ObservedAt <= boundary + tolerance; i++)
        {
            if (i > 0 && readings[i].ObservedAt < readings[i - 1].ObservedAt)
            {
                throw new ArgumentException("Readings must be sorted by observed time.", nameof(readings));
            }

            var distance = (readings[i].ObservedAt - boundary).Duration();
            if (distance < bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static QualityFlag Offset(string which, DateTimeOffset observed, DateTimeOffset boundary)
    {
        var seconds = (observed - boundary).TotalSeconds;
        return seconds == 0
            ? QualityFlag.Good
            : QualityFlag.Estimated(Text(
                $"The {which} register was read at {observed.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}, {Math.Abs(seconds):0.###} s {(seconds > 0 ? "after" : "before")} the boundary."));
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
