using Edge.Ingest.Registry;

namespace Edge.Ingest.Analytics;

/// <summary>
/// One meter's hourly series on a gap-free clock: index i is the hour <see cref="From"/> + i h, and an hour for which
/// nothing arrived is <see cref="MeterHour.Missing"/>. Built once per evaluation so that every rule walks plain hours.
/// </summary>
public sealed class MeterSeries
{
    private readonly MeterHour[] _hours;

    private MeterSeries(string meterId, string areaId, decimal resolutionM3, decimal q3M3PerHour, MeterHour[] hours, DateTimeOffset from)
    {
        MeterId = meterId;
        AreaId = areaId;
        ResolutionM3 = resolutionM3;
        Q3M3PerHour = q3M3PerHour;
        _hours = hours;
        From = from;
    }

    /// <summary>Meter id.</summary>
    public string MeterId { get; }

    /// <summary>Area the meter is in (a JIS X 0402 code, a 町丁目 or a district metered area id).</summary>
    public string AreaId { get; }

    /// <summary>Smallest register step in m³: an hourly volume below it is a zero hour.</summary>
    public decimal ResolutionM3 { get; }

    /// <summary>Permanent flow rate Q3 marked on the meter, m³/h (ISO 4064-1 §4.1.2).</summary>
    public decimal Q3M3PerHour { get; }

    /// <summary>Start of the first hour.</summary>
    public DateTimeOffset From { get; }

    /// <summary>End of the last hour.</summary>
    public DateTimeOffset To => From.AddHours(_hours.Length);

    /// <summary>The hours, one per clock hour.</summary>
    public ReadOnlySpan<MeterHour> Hours => _hours;

    /// <summary>Number of hours.</summary>
    public int Count => _hours.Length;

    /// <summary>The hour at index <paramref name="index"/>.</summary>
    public MeterHour this[int index] => _hours[index];

    /// <summary>
    /// Lays <paramref name="hours"/> out on the clock from <paramref name="from"/> to <paramref name="to"/>; hours not
    /// given are missing.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// A bound or an hour is not a whole UTC hour, an hour lies outside the span, or an hour is given twice.
    /// </exception>
    public static MeterSeries Create(
        string meterId, string areaId, decimal resolutionM3, decimal q3M3PerHour,
        DateTimeOffset from, DateTimeOffset to, IEnumerable<MeterHour> hours)
    {
        ArgumentException.ThrowIfNullOrEmpty(meterId);
        ArgumentNullException.ThrowIfNull(areaId);
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(resolutionM3);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(q3M3PerHour);
        if (!IsWholeHour(from) || !IsWholeHour(to) || to < from)
        {
            throw new ArgumentException("The series bounds must be whole UTC hours, the start not after the end.", nameof(to));
        }

        var array = new MeterHour[(to - from).Ticks / TimeSpan.TicksPerHour];
        var seen = new bool[array.Length];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = MeterHour.Missing(from.AddHours(i).ToUniversalTime());
        }

        foreach (var hour in hours)
        {
            if (!IsWholeHour(hour.Start) || hour.Start < from || hour.Start >= to)
            {
                throw new ArgumentException(
                    $"Meter '{meterId}': the hour {hour.Start:O} is not a whole UTC hour within [{from:O}, {to:O}).", nameof(hours));
            }

            var index = (int)((hour.Start - from).Ticks / TimeSpan.TicksPerHour);
            if (seen[index])
            {
                throw new ArgumentException($"Meter '{meterId}': the hour {hour.Start:O} is given twice.", nameof(hours));
            }

            seen[index] = true;
            array[index] = hour with { Start = hour.Start.ToUniversalTime() };
        }

        return new MeterSeries(meterId, areaId, resolutionM3, q3M3PerHour, array, from.ToUniversalTime());
    }

    /// <summary>The series of a registered water meter: its id, area, Q3 and a 1 l resolution.</summary>
    public static MeterSeries ForMeter(DeviceRegistration meter, DateTimeOffset from, DateTimeOffset to, IEnumerable<MeterHour> hours)
    {
        ArgumentNullException.ThrowIfNull(meter);
        var profile = meter.Meter ?? throw new ArgumentException($"Device '{meter.DeviceId}' is not a water meter.", nameof(meter));
        var spec = profile.ToRegisterSpec();
        return Create(meter.DeviceId, meter.Area.Code, spec.ResolutionM3, profile.Q3M3PerHour, from, to, hours);
    }

    /// <summary>Whether <paramref name="at"/> is a whole UTC hour.</summary>
    public static bool IsWholeHour(DateTimeOffset at) => at.UtcTicks % TimeSpan.TicksPerHour == 0;
}
