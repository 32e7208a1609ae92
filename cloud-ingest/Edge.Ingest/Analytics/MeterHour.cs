using Edge.Ingest.Consumption;
using Edge.Ingest.Normalisation;

namespace Edge.Ingest.Analytics;

/// <summary>One UTC hour of one meter as the rules see it: the hour's volume, its quality and the meter's flags.</summary>
/// <param name="Start">Start of the hour (a whole UTC hour).</param>
/// <param name="VolumeM3">Signed volume in m³ (negative for net reverse flow); null for a gap.</param>
/// <param name="Quality">Quality of the volume (<see cref="ConsumptionInterval.Quality"/>).</param>
/// <param name="Flags">OR of the status flags of the readings in the hour (<see cref="MeterFlagBits"/>).</param>
/// <param name="Reported">Whether any reading arrived for the hour; without one the flags say nothing.</param>
public readonly record struct MeterHour(DateTimeOffset Start, decimal? VolumeM3, ReadingQuality Quality, int Flags, bool Reported = true)
{
    /// <summary>
    /// Whether the hour's volume may raise or clear an alarm: it has a volume and is not estimated (issue 8: hours of
    /// quality "estimated" never raise or clear an alarm). Gaps say nothing either.
    /// </summary>
    public bool IsEvidence => VolumeM3 is not null && Quality != ReadingQuality.Estimated;

    /// <summary>End of the hour.</summary>
    public DateTimeOffset End => Start.AddHours(1);

    /// <summary>Whether the flag bit(s) <paramref name="bit"/> are set.</summary>
    public bool Has(int bit) => (Flags & bit) != 0;

    /// <summary>An hour for which nothing arrived.</summary>
    public static MeterHour Missing(DateTimeOffset start) => new(start, null, ReadingQuality.Good, 0, false);

    /// <summary>The hour of an hourly <paramref name="interval"/> with the flags of the readings inside it.</summary>
    public static MeterHour From(ConsumptionInterval interval, int flags)
    {
        ArgumentNullException.ThrowIfNull(interval);
        var reported = interval.StartRegister is not null || interval.EndRegister is not null;
        return new MeterHour(interval.Start, interval.VolumeM3, interval.Quality.Quality, flags, reported);
    }
}
