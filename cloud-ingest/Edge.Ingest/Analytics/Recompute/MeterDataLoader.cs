using Edge.Ingest.Consumption;
using Edge.Ingest.Model;
using Edge.Ingest.Normalisation.Registers;
using Edge.Ingest.Normalisation.Units;
using Edge.Ingest.Registry;
using Edge.Ingest.Storage;

namespace Edge.Ingest.Analytics.Recompute;

/// <summary>
/// Reads what the alarm rules need of one meter from the store: its hours (volumes computed as
/// <see cref="Apis.ConsumptionLoader"/> does, flags of the readings inside each hour) and the times its uploads were
/// received. One query (<see cref="IIngestStore.GetAlarmReadingsAsync"/>) serves all three; <see cref="Series"/> and
/// <see cref="Contacts"/> build them from rows already read.
/// </summary>
public static class MeterDataLoader
{
    /// <summary>The meter's series over [<paramref name="from"/>, <paramref name="to"/>) (whole UTC hours).</summary>
    public static async Task<MeterSeries> SeriesAsync(
        IIngestStore store, DeviceRegistration meter, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(meter);
        var (first, end) = ReadSpan(from, to);
        var rows = await store.GetAlarmReadingsAsync([meter.DeviceId], first, end, cancellationToken);
        return Series(meter, from, to, rows);
    }

    /// <summary>
    /// Receipt times of the meter's uploads (ascending, each once), from the readings observed since
    /// <paramref name="from"/>: a backfilled old batch counts as contact when it arrived.
    /// </summary>
    public static async Task<IReadOnlyList<DateTimeOffset>> ContactsAsync(
        IIngestStore store, string meterId, DateTimeOffset from, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var rows = await store.GetAlarmReadingsAsync([meterId], from.ToUnixTimeMilliseconds(), null, cancellationToken);
        return Contacts(rows, from);
    }

    /// <summary>
    /// The meter's series over [<paramref name="from"/>, <paramref name="to"/>) and its contacts since
    /// <paramref name="contactsFrom"/>, from one read of the store.
    /// </summary>
    public static async Task<(MeterSeries Series, IReadOnlyList<DateTimeOffset> Contacts)> LoadAsync(
        IIngestStore store, DeviceRegistration meter, DateTimeOffset from, DateTimeOffset to, DateTimeOffset contactsFrom,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(meter);
        var (first, _) = ReadSpan(from, to);
        first = Math.Min(first, contactsFrom.ToUnixTimeMilliseconds());

        // Contacts have no upper bound (a reading stamped in the future still arrived), so neither has the read.
        var rows = await store.GetAlarmReadingsAsync([meter.DeviceId], first, null, cancellationToken);
        return (Series(meter, from, to, rows), Contacts(rows, contactsFrom));
    }

    /// <summary>
    /// Builds the meter's series over [<paramref name="from"/>, <paramref name="to"/>) from <paramref name="rows"/>
    /// (its readings in the order the store gives them; rows of other devices and outside the span are ignored): hourly
    /// volumes from the registered volume channel in m³ with the calculator's tolerance at each boundary, flags from
    /// every reading observed inside each hour.
    /// </summary>
    public static MeterSeries Series(DeviceRegistration meter, DateTimeOffset from, DateTimeOffset to, IReadOnlyList<AlarmReading> rows)
    {
        ArgumentNullException.ThrowIfNull(meter);
        ArgumentNullException.ThrowIfNull(rows);
        var (first, end) = ReadSpan(from, to);
        var fromMs = from.ToUnixTimeMilliseconds();
        var toMs = to.ToUnixTimeMilliseconds();
        var channel = meter.Channels.FirstOrDefault(c => c.Quantity == Quantity.Volume)?.Name;
        var registers = new List<RegisterReading>();
        var flags = new List<(DateTimeOffset, int)>();
        foreach (var row in rows)
        {
            if (!string.Equals(row.DeviceId, meter.DeviceId, StringComparison.Ordinal) || row.ObservedUnixMs < first || row.ObservedUnixMs >= end)
            {
                continue;
            }

            var observed = DateTimeOffset.FromUnixTimeMilliseconds(row.ObservedUnixMs);
            if (string.Equals(row.Channel, channel, StringComparison.Ordinal) && string.Equals(row.Unit, "m3", StringComparison.Ordinal))
            {
                registers.Add(new RegisterReading(observed, (decimal)row.Value, ReverseFlow: ((ReadingFlags)row.Flags).HasFlag(ReadingFlags.Reverse)));
            }

            if (row.ObservedUnixMs >= fromMs && row.ObservedUnixMs < toMs)
            {
                flags.Add((observed, row.Flags));
            }
        }

        var spec = meter.Meter?.ToRegisterSpec() ?? RegisterSpec.Domestic(null);
        var hourly = ConsumptionCalculator.Compute(
            registers, spec, ConsumptionBoundaries.Hourly(from, to), ConsumptionCalculator.DefaultTolerance);
        return MeterSeries.ForMeter(meter, from, to, MeterHours.From(hourly, flags));
    }

    /// <summary>Receipt times (ascending, each once) of <paramref name="rows"/> observed since <paramref name="from"/>.</summary>
    public static IReadOnlyList<DateTimeOffset> Contacts(IReadOnlyList<AlarmReading> rows, DateTimeOffset from)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var fromMs = from.ToUnixTimeMilliseconds();
        var received = new SortedSet<long>();
        foreach (var row in rows)
        {
            if (row.ObservedUnixMs >= fromMs)
            {
                received.Add(row.ReceivedUnixMs);
            }
        }

        return [.. received.Select(DateTimeOffset.FromUnixTimeMilliseconds)];
    }

    /// <summary>
    /// The observed times [first, end) in Unix ms a series over [<paramref name="from"/>, <paramref name="to"/>) needs:
    /// a boundary reading may lie up to the calculator's tolerance outside the span (as <see cref="Apis.ConsumptionLoader"/>).
    /// </summary>
    public static (long First, long End) ReadSpan(DateTimeOffset from, DateTimeOffset to)
    {
        var tolerance = ConsumptionCalculator.DefaultTolerance;
        return ((from - tolerance).ToUnixTimeMilliseconds(), (to + tolerance).ToUnixTimeMilliseconds() + 1);
    }

    /// <summary>The start of the UTC hour holding <paramref name="at"/>.</summary>
    public static DateTimeOffset FloorHour(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);

    /// <summary>The end of the UTC hour holding <paramref name="at"/> (itself when it is a whole hour).</summary>
    public static DateTimeOffset CeilHour(DateTimeOffset at)
    {
        var floor = FloorHour(at);
        return floor == at ? floor : floor.AddHours(1);
    }
}
