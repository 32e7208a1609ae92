using Edge.Ingest.Consumption;

namespace Edge.Ingest.Analytics;

/// <summary>Builds the rules' hours from what storage holds: hourly intervals and the readings' flags.</summary>
public static class MeterHours
{
    /// <summary>
    /// One <see cref="MeterHour"/> per hourly interval, with the OR of the flags of the readings observed inside it
    /// (start inclusive, end exclusive).
    /// </summary>
    /// <param name="hourly">Hourly intervals (<see cref="ConsumptionCalculator.Compute"/> over <see cref="ConsumptionBoundaries.Hourly"/>).</param>
    /// <param name="readings">Observed time and flags of the meter's readings.</param>
    public static IReadOnlyList<MeterHour> From(
        IReadOnlyList<ConsumptionInterval> hourly, IEnumerable<(DateTimeOffset ObservedAt, int Flags)> readings)
    {
        ArgumentNullException.ThrowIfNull(hourly);
        ArgumentNullException.ThrowIfNull(readings);
        var flags = new Dictionary<DateTimeOffset, (int Flags, bool Any)>();
        foreach (var (observedAt, bits) in readings)
        {
            var hour = new DateTimeOffset(observedAt.UtcTicks - (observedAt.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);
            var known = flags.GetValueOrDefault(hour);
            flags[hour] = (known.Flags | bits, true);
        }

        var hours = new List<MeterHour>(hourly.Count);
        foreach (var interval in hourly)
        {
            var (bits, any) = flags.GetValueOrDefault(interval.Start.ToUniversalTime());
            var hour = MeterHour.From(interval, bits);
            hours.Add(hour with { Reported = hour.Reported || any });
        }

        return hours;
    }
}
